// geojson-validation 1.0.2 ships no types; only the calls the project uses are declared.
declare module 'geojson-validation' {
  /** With trace=true, returns the list of problems (empty when valid). */
  export function valid(object: unknown, trace: true): string[];
  export function valid(object: unknown, trace?: false): boolean;
  const GJV: {
    valid: typeof valid;
  };
  export default GJV;
}
