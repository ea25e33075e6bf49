/** Lao Cai's communes, grouped by former district (area): data, not code (DESIGN.md). */
import places from './data/places.json' with { type: 'json' };

export interface Commune {
  id: string;
  name: string;
}
export interface Area {
  id: string;
  name: string;
  communes: Commune[];
}

export const areas: readonly Area[] = places.areas;

const areaOfCommune = new Map(areas.flatMap((area) => area.communes.map((commune) => [commune.id, area] as const)));

/** The area a commune id lies in, or undefined for an unknown id. */
export function areaOf(communeId: string): Area | undefined {
  return areaOfCommune.get(communeId);
}
