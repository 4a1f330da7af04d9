// A place in a plan's data: the keys and indexes from its root, as ajv's instancePath and every rule name
// it (["tasks", 0, "due"]). locate() maps one to a line and column; the reader and the model both use it.
export type Path = (string | number)[];
