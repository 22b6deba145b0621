declare module 'virtual:glance' {
  const glance: Readonly<Record<string, import('./glance').Glance>>;
  export default glance;
}
