declare module '*.geojson' {
  const value: import('geojson').FeatureCollection;
  export default value;
}

declare module 'virtual:atlas-citations' {
  const value: {
    citations: Record<string, import('../lib/records/types.ts').Citation[]>;
    sources: import('../lib/records/types.ts').SourceDoc[];
    /** Records corrected (data/corrections.json): id → date of the latest correction. */
    corrected: Record<string, string>;
  };
  export default value;
}

/** Which release the first view's records are, the newest release, and where the other releases are (scripts/lib/vite-releases.ts). */
declare module 'virtual:atlas-release' {
  const value: import('../lib/records/release.ts').ReleaseStamp;
  export default value;
}

/** Every release and the whole corrections log, for the "Corrections" view and the downloads. */
declare module 'virtual:atlas-corrections' {
  const value: { releases: import('../lib/records/release.ts').ReleaseInfo[]; corrections: import('../lib/records/release.ts').ShippedCorrection[] };
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

/** Where "Report an error" sends a reader's report (ATLAS_REPORT_URL at build time, scripts/lib/vite-report.ts); null: no control. */
declare module 'virtual:atlas-report' {
  const value: import('../lib/report/destination.ts').ReportDestination | null;
  export default value;
}

declare module 'virtual:atlas-tokens.css';
