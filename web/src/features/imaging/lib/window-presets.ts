/** A window (width) and level (centre) in Hounsfield units for CT, or in the image's own units otherwise. */
export interface WindowLevel {
  center: number;
  width: number;
}

export interface WindowPreset extends WindowLevel {
  /** Key under imaging:viewer.presets in the locales. */
  id: 'softTissue' | 'lung' | 'bone' | 'brain';
}

/**
 * The usual CT windows (radiology teaching values): what a doctor asks for when explaining a scan on a phone, where
 * dragging to the right contrast is fiddly. Other modalities keep the window stored in the images (or their range).
 */
const ctPresets: readonly WindowPreset[] = [
  { id: 'softTissue', center: 40, width: 400 },
  { id: 'lung', center: -600, width: 1500 },
  { id: 'bone', center: 400, width: 1800 },
  { id: 'brain', center: 40, width: 80 },
];

export function presetsFor(modality: string | null | undefined): readonly WindowPreset[] {
  return modality?.toUpperCase() === 'CT' ? ctPresets : [];
}

/** How the current window reads out (for the screen-reader status and the corner label). */
export function formatWindow(window: WindowLevel | null): string {
  return window ? `W ${Math.round(window.width)} / L ${Math.round(window.center)}` : '';
}
