// The command-line options of the bench scripts.

/**
 * A reader of `--name value` options in `argv` (`process.argv.slice(2)`): `option(name,
 * fallback)` gives the value, or `fallback` when the option is absent, and takes both words out
 * of `argv`, so that what is left are the positional arguments.
 *
 *   const argv = process.argv.slice(2);
 *   const option = optionsOf(argv);
 *   const runs = Number(option('runs', 5));
 */
export const optionsOf = (argv) => (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i < 0 ? fallback : argv.splice(i, 2)[1];
};
