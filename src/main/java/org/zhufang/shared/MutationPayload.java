package org.zhufang.shared;

import java.util.List;

/** Every mutation payload carries the user errors; empty means the mutation was applied. */
public interface MutationPayload {

	List<UserError> userErrors();
}
