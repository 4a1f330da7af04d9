// The report data as stable, indented JSON (for scripts).
import type { Renderer } from './types.js';

const render: Renderer = ({ data }) => JSON.stringify(data, null, 2) + '\n';
export default render;
