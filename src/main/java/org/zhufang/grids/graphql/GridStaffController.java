package org.zhufang.grids.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.zhufang.grids.AreaInputs.GridStaffAssignInput;
import org.zhufang.grids.AreaInputs.GridStaffEndInput;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridNetwork;
import org.zhufang.grids.GridStaffView;
import org.zhufang.shared.Caller;
import org.zhufang.shared.MutationPayload;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.PersonalData;
import org.zhufang.shared.Role;
import org.zhufang.shared.UserError;

/**
 * Grid staff in GraphQL, with their personal data shown under the one masking rule.
 */
@Controller
class GridStaffController {

	/**
	 * Who manages grid staff, and so sees their phones (inside their jurisdiction, which is all
	 * they can reach anyway): the bureau, station chiefs, community officers and grid members.
	 */
	private static final Set<Role> STAFF_MANAGERS = Set.of(Role.BUREAU_ADMIN, Role.STATION_CHIEF,
			Role.COMMUNITY_OFFICER, Role.GRID_MEMBER);

	private final GridNetwork network;

	private final PersonalData.RevealLog revealLog;

	GridStaffController(GridNetwork network, PersonalData.RevealLog revealLog) {
		this.network = network;
		this.revealLog = revealLog;
	}

	record GridStaffPayload(GridStaffView assignment, List<UserError> userErrors) implements MutationPayload {

		static GridStaffPayload of(Outcome<GridStaffView> outcome) {
			return new GridStaffPayload(outcome.value(), outcome.userErrors());
		}
	}

	@MutationMapping
	GridStaffPayload gridStaffAssign(@Argument GridStaffAssignInput input) {
		return GridStaffPayload.of(network.assignStaff(Caller.current(), input));
	}

	@MutationMapping
	GridStaffPayload gridStaffEnd(@Argument GridStaffEndInput input) {
		return GridStaffPayload.of(network.endStaff(Caller.current(), input));
	}

	@BatchMapping(typeName = "GridStaffAssignment")
	Map<GridStaffView, AreaView> grid(List<GridStaffView> staff) {
		Map<Long, AreaView> grids = network.areasByIds(Caller.current(),
				staff.stream().map(GridStaffView::gridId).collect(Collectors.toSet()));
		Map<GridStaffView, AreaView> result = new HashMap<>();
		staff.forEach(s -> result.put(s, grids.get(s.gridId())));
		return result;
	}

	@SchemaMapping(typeName = "GridStaffAssignment")
	String displayName(GridStaffView staff) {
		Caller caller = Caller.current();
		return PersonalData.mayReveal(caller, true) ? staff.displayName() : PersonalData.maskName(staff.displayName());
	}

	/** Phones of a whole list at once, so that the clear reads are audited in one entry. */
	@BatchMapping(typeName = "GridStaffAssignment")
	Map<GridStaffView, String> phone(List<GridStaffView> staff) {
		Caller caller = Caller.current();
		boolean reveal = PersonalData.mayReveal(caller, STAFF_MANAGERS.contains(caller.role()));
		Map<GridStaffView, String> result = new HashMap<>();
		staff.stream().filter(s -> s.phone() != null)
			.forEach(s -> result.put(s, reveal ? s.phone() : PersonalData.maskPhone(s.phone())));
		if (reveal && !result.isEmpty()) {
			revealLog.revealed(caller, "GridStaffAssignment",
					result.keySet().stream().map(GridStaffView::id).sorted().toList(), "phone");
		}
		return result;
	}
}
