package org.zhufang.shared.paging;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhufang.shared.BadRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTests {

	@Test
	void defaultsToTwentyForwards() {
		PageRequest page = PageRequest.of(null, null, null, null);
		assertThat(page.size()).isEqualTo(20);
		assertThat(page.backwards()).isFalse();
		assertThat(page.fetchSize()).isEqualTo(21);
	}

	@Test
	void pagesBackwardsWithLastOrBefore() {
		assertThat(PageRequest.of(null, null, 5, null).backwards()).isTrue();
		assertThat(PageRequest.of(null, null, null, "c").backwards()).isTrue();
		assertThat(PageRequest.of(null, null, null, "c").cursor()).isEqualTo("c");
	}

	@Test
	void refusesMoreThanTheCapNegativeSizesAndMixedDirections() {
		assertThatThrownBy(() -> PageRequest.of(101, null, null, null)).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("100");
		assertThatThrownBy(() -> PageRequest.of(-1, null, null, null)).isInstanceOf(BadRequestException.class);
		assertThatThrownBy(() -> PageRequest.of(5, null, 5, null)).isInstanceOf(BadRequestException.class);
		assertThatThrownBy(() -> PageRequest.of(5, null, null, "x")).isInstanceOf(BadRequestException.class);
		assertThatThrownBy(() -> PageRequest.of(null, "a", null, "b")).isInstanceOf(BadRequestException.class);
	}

	@Test
	void aBackwardsPageIsReturnedInListOrder() {
		PageRequest page = PageRequest.of(null, null, 2, "c9");
		// rows arrive in paging direction (descending), one more than the page
		Connection<String> connection = Connection.of(List.of("c8", "c7", "c6"), page, s -> s, null);
		assertThat(connection.edges()).extracting(Connection.Edge::node).containsExactly("c7", "c8");
		assertThat(connection.pageInfo().hasPreviousPage()).isTrue();
		assertThat(connection.pageInfo().hasNextPage()).isTrue();
		assertThat(connection.pageInfo().startCursor()).isEqualTo("c7");
	}

	@Test
	void cursorsRoundTripAndRefuseForeignOrBrokenOnes() {
		String cursor = Cursor.encode("area", "410721100");
		assertThat(Cursor.decode("area", cursor)).isEqualTo("410721100");
		assertThatThrownBy(() -> Cursor.decode("audit", cursor)).isInstanceOf(BadRequestException.class);
		assertThatThrownBy(() -> Cursor.decode("area", "%%%")).isInstanceOf(BadRequestException.class);
		assertThatThrownBy(() -> Cursor.decodeLong("area", Cursor.encode("area", "not-a-number"))).isInstanceOf(BadRequestException.class);
	}
}
