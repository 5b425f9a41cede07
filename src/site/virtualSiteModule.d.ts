// The build driver provides this module to the Astro pages (see runAstroBuild.ts).
declare module 'virtual:almanac/site' {
  export const workDir: string;
  export const siteTitle: string;
  export const reportPages: { kind: 'daily' | 'weekly' | 'monthly'; id: string }[];
}
