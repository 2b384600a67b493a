import type { SiteTreeNode } from '@jiyue/kernel';

export interface SiteInfo {
  code: string;
  regionCode: string | null;
  parent: string | null;
  level: string;
}

export interface SiteMap {
  get(code: string): SiteInfo | undefined;
  /** Codes of the ancestors, nearest first. */
  ancestors(code: string): string[];
  /** Codes of the sites that carry this region code. */
  byRegion(regionCode: string): string[];
}

/** Flattens site-group's public tree (code, regionCode, children) into lookups by code and region. */
export const buildSiteMap = (tree: SiteTreeNode[]): SiteMap => {
  const sites = new Map<string, SiteInfo>();
  const walk = (nodes: SiteTreeNode[] | undefined, parent: string | null) => {
    for (const node of nodes ?? []) {
      sites.set(node.code, { code: node.code, regionCode: (node.regionCode as string | null | undefined) ?? null, parent, level: node.level as string });
      walk(node.children, node.code);
    }
  };
  walk(tree, null);
  return {
    get: (code) => sites.get(code),
    ancestors(code) {
      const out: string[] = [];
      const seen = new Set([code]);
      let parent = sites.get(code)?.parent ?? null;
      while (parent && !seen.has(parent)) {
        out.push(parent);
        seen.add(parent);
        parent = sites.get(parent)?.parent ?? null;
      }
      return out;
    },
    byRegion: (regionCode) => [...sites.values()].filter((s) => s.regionCode === regionCode).map((s) => s.code),
  };
};

/**
 * The regions above a GB/T 2260 code by its structure (county 513322 → prefecture 513300 → province
 * 510000), for a region that no site of the cluster carries.
 */
export const regionParents = (code: string): string[] => {
  if (!/^\d{6}$/.test(code)) return [];
  const out: string[] = [];
  if (code.slice(4) !== '00') out.push(`${code.slice(0, 4)}00`);
  if (code.slice(2) !== '0000') out.push(`${code.slice(0, 2)}0000`);
  return out;
};
