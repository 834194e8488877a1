import type { MeetingInput, MeetingPassageInput } from './types.js';

/** Where in a meeting something was said: the passage URL when known, else `meetingId@timestamp`. */
export function meetingRef(meeting: Pick<MeetingInput, 'meetingId'>, passage?: Pick<MeetingPassageInput, 'url' | 'timestamp'>): string {
  if (passage?.url) return passage.url;
  return passage?.timestamp ? `${meeting.meetingId}@${passage.timestamp}` : meeting.meetingId;
}
