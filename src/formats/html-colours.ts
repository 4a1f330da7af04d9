// The colours of task states and supervision lights, the same in tables, the chart and the timeline.
export const STATUS_COLOUR: Record<string, string> = { done: '#2e7d32', in_progress: '#1565c0', planned: '#9e9e9e', blocked: '#ef6c00', cancelled: '#cfcfcf' };
export const LIGHT_COLOUR: Record<string, string> = { red: '#c62828', yellow: '#f9a825', green: '#2e7d32' };
