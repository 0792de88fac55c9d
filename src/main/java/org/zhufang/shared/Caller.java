package org.zhufang.shared;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: the account (or federated subject), its role and the areas it may see. Built
 * once per request by the authentication layer; modules decide what lies inside the scope.
 *
 * @param subject stable id of the account (its database id in standalone mode, the token
 *                subject in federated mode)
 * @param username the name the caller signs in with
 * @param role what the caller may do
 * @param scopeAreaIds the roots of the area subtrees the caller may see
 * @param personKind OFFICER or VOLUNTEER when the account belongs to a person of those modules
 * @param personRef the id of that person in its module
 */
public record Caller(String subject, String username, Role role, List<Long> scopeAreaIds, String personKind,
		String personRef) {

	public Caller {
		scopeAreaIds = List.copyOf(scopeAreaIds);
	}

	/** A caller not linked to any officer or volunteer. */
	public Caller(String subject, String username, Role role, List<Long> scopeAreaIds) {
		this(subject, username, role, scopeAreaIds, null, null);
	}

	/** Whether the caller is this person (an account linked to the officer or volunteer). */
	public boolean isPerson(String kind, Object ref) {
		return kind.equals(personKind) && ref != null && String.valueOf(ref).equals(personRef);
	}

	/** The caller of the current request; fails as UNAUTHORIZED when nobody is signed in. */
	public static Caller current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
			return caller;
		}
		throw new UnauthorizedException();
	}

	public boolean hasRole(Role... roles) {
		return Arrays.asList(roles).contains(role);
	}

	/** Refuses the operation as FORBIDDEN unless the caller has one of the roles. */
	public Caller requireRole(Role... roles) {
		if (!hasRole(roles)) {
			throw new ForbiddenException("The role " + role + " may not do this");
		}
		return this;
	}
}
