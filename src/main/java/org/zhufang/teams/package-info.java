/**
 * Volunteer teams: teams, volunteers and their memberships, the roster of shifts with sign-up,
 * check-in and attendance, and the activities and hours volunteers give.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Volunteer teams")
package org.zhufang.teams;
