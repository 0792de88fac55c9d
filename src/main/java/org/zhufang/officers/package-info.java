/**
 * Village officers: police stations and the towns they cover, police offices, officers and
 * their transfers, the one-village-one-officer assignment with its history, and the officers'
 * visits with their figures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Village officers")
package org.zhufang.officers;
