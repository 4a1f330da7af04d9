// The formats the compiled plan schema checks (dist/schema/formats.cjs, copied there by
// scripts/build-schema.js). `date` is ajv-formats' own full-date check, remembered per text: a plan
// repeats its few dozen dates thousands of times, and the roll-up checks hundreds of plans.
const full = require('ajv-formats/dist/formats').fullFormats.date;

const seen = new Map();

exports.date = {
  validate(text) {
    let ok = seen.get(text);
    if (ok === undefined) {
      ok = full.validate(text);
      // Texts that are not dates can be anything: the table never grows without end.
      if (seen.size >= 4096) seen.clear();
      seen.set(text, ok);
    }
    return ok;
  },
  compare: full.compare,
};
