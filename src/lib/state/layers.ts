/** The map's layers a reader (or a link, or a host page) can show or hide. */
export const LAYER_GROUPS = ['control', 'presence', 'diplomacy'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];
export type Layers = Record<LayerGroup, boolean>;

export const ALL_LAYERS: Layers = { control: true, presence: true, diplomacy: true };
