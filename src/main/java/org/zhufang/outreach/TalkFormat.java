package org.zhufang.outreach;

/** How a talk was given. */
public enum TalkFormat {
	LECTURE, LOUDSPEAKER, DOOR_TO_DOOR, WECHAT_GROUP, FLYERS, PERFORMANCE
}
