// The registry's projections, served at build time by lib/registry/projections.ts.
declare module 'virtual:glance' {
  const glance: Readonly<Record<string, import('./glance').Glance>>;
  export default glance;
}

declare module 'virtual:table-rows' {
  const rows: Readonly<Record<string, import('./projections').TableRowInput>>;
  export default rows;
}

declare module 'virtual:aliases' {
  const aliases: Readonly<Record<string, readonly string[]>>;
  export default aliases;
}
