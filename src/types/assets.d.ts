declare module '*.geojson' {
  const value: import('geojson').FeatureCollection;
  export default value;
}

declare module 'virtual:atlas-citations' {
  const value: { citations: Record<string, import('../lib/records/types.ts').Citation[]>; sources: import('../lib/records/types.ts').SourceDoc[] };
  export default value;
}

declare module 'virtual:atlas-svg-paths' {
  const value: import('../lib/map/svgMap.ts').SvgPaths;
  export default value;
}

/** The newest `date` of the source documents in data/sources/ ("2024-12-14"), computed at build time. */
declare module 'virtual:atlas-data-as-of' {
  const value: string;
  export default value;
}
