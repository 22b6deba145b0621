// The registry's projections, served by lib/registry/build/projections.ts in the build and in Vitest.

declare module 'virtual:registry/catalog' {
  export const catalog: readonly import('./build/projections').CatalogEntry[];
  /** Date up to which the registry's facts were gathered. */
  export const dataAsOf: string;
}

declare module 'virtual:registry/glance' {
  const glances: Readonly<Record<string, import('../key-facts').Glance>>;
  export default glances;
}

declare module 'virtual:registry/rules' {
  export const tools: readonly import('./build/rules-schema').DetectableTool[];
  export const wrappers: readonly import('./build/wrappers-schema').LinkWrapper[];
  export const proxySuffixes: readonly string[];
}

declare module 'virtual:registry/table-rows' {
  const rows: Readonly<Record<string, import('./build/projections').TableRowInput>>;
  export default rows;
}

declare module 'virtual:registry/aliases' {
  const aliases: Readonly<Record<string, readonly string[]>>;
  export default aliases;
}
