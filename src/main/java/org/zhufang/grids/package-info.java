/**
 * The grid network: the area tree (county, town, village, grid) everything else hangs on, and
 * the "3+N" staff of each grid.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Grid network")
package org.zhufang.grids;
