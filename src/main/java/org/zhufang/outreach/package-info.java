/**
 * Outreach (宣传宣讲): campaigns and the talks given for them in villages, schools, fields and
 * night markets, logged from the field, with reach per campaign, area, theme, venue and month.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outreach")
package org.zhufang.outreach;
