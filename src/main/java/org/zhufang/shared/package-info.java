/**
 * Shared kernel: what every module needs and nothing more (the caller and its scope, user
 * errors, paging, GraphQL scalars and error classification).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.zhufang.shared;
