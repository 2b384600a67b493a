export interface SeedTerm {
  zh: string;
  bo: string | null;
  domain: 'place-name' | 'organization';
  note: string;
}

interface ClusterFile {
  prefecture?: { zh: string; bo?: string };
  counties?: { zh: string; bo?: string }[];
  departments?: string[];
}

/**
 * Glossary terms from the cluster file: the prefecture government, the 18 counties and the
 * department names. Departments have no Tibetan name in the file: they are seeded unapproved,
 * without a Tibetan term, for a terminologist to fill in.
 */
export const officialNames = (cluster: ClusterFile): SeedTerm[] => {
  const nfc = (s?: string) => (s ? s.normalize('NFC') : null);
  const terms: SeedTerm[] = [];
  if (cluster.prefecture) terms.push({ zh: cluster.prefecture.zh, bo: nfc(cluster.prefecture.bo), domain: 'organization', note: 'prefecture government (cluster file)' });
  for (const county of cluster.counties ?? []) terms.push({ zh: county.zh, bo: nfc(county.bo), domain: 'place-name', note: 'county or city (cluster file)' });
  for (const department of cluster.departments ?? []) terms.push({ zh: department, bo: null, domain: 'organization', note: 'prefecture department (cluster file): Tibetan name to be supplied' });
  return terms;
};
