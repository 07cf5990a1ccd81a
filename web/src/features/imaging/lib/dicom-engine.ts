import type { WindowLevel } from './window-presets';

/** What the viewer asks of the rendering library; the page's controls drive it. */
export interface DicomViewport {
  /** Shows one DICOM instance (Part 10 bytes), keeping the given window if any; resolves once it is drawn. */
  show(file: File, window: WindowLevel | null): Promise<void>;
  /** The window (level/width) shown now: the image's own after `show`, or what the user set. */
  getWindow(): WindowLevel | null;
  setWindow(window: WindowLevel): void;
  /** Drag (and pinch) adjusts the window, or moves and zooms the image. */
  setMode(mode: 'window' | 'pan'): void;
  zoom(step: number): void;
  /** Back to the fitted image and the image's own window. */
  reset(): void;
  /** Fit the image to its element again (after a resize or rotation of the phone). */
  resize(): void;
  /** Called when the user changes the window by dragging. */
  onWindowChange(listener: (window: WindowLevel) => void): void;
  dispose(): void;
}

/**
 * dwv (DICOM Web Viewer) renders the real pixel data with the DICOM's modality LUT and the chosen window, and gives
 * touch gestures (one-finger drag, pinch). It is a large library, so it is fetched only when a viewer opens (this module
 * is imported dynamically; the route is lazy too). An object so component tests can replace `create`: jsdom has no
 * canvas to draw on.
 */
export const dicomEngine = {
  async create(element: HTMLDivElement): Promise<DicomViewport> {
    const dwv = await import('dwv');
    const app = new dwv.App();
    const options = new dwv.AppOptions({ '*': [new dwv.ViewConfig(element.id)] });
    options.tools = { WindowLevel: new dwv.ToolConfig(), ZoomAndPan: new dwv.ToolConfig() };
    app.init(options);

    let dataId: string | null = null;
    let windowListener: ((window: WindowLevel) => void) | null = null;
    let imageWindow: WindowLevel | null = null;
    let mode: 'window' | 'pan' = 'window';

    const controller = (): ReturnType<ReturnType<typeof app.getViewLayersByDataId>[number]['getViewController']> | null =>
      dataId === null ? null : (app.getViewLayersByDataId(dataId)[0]?.getViewController() ?? null);
    const current = (): WindowLevel | null => {
      const wl = controller()?.getWindowLevel();
      return wl ? { center: wl.center, width: wl.width } : null;
    };

    app.addEventListener('wlchange', () => {
      const wl = current();
      if (wl && windowListener) windowListener(wl);
    });

    return {
      show(file, window) {
        return new Promise<void>((resolve, reject) => {
          const onLoad = (event: { dataid: string }): void => {
            dataId = event.dataid;
          };
          const onEnd = (): void => {
            app.removeEventListener('load', onLoad);
            app.removeEventListener('loadend', onEnd);
            app.removeEventListener('error', onError);
            if (dataId === null) {
              reject(new Error('The image could not be read.'));
              return;
            }
            imageWindow = current();
            if (window) controller()?.setWindowLevel(new dwv.WindowLevel(window.center, window.width));
            app.setTool(mode === 'window' ? 'WindowLevel' : 'ZoomAndPan');
            resolve();
          };
          const onError = (event: { error?: unknown }): void => {
            app.removeEventListener('load', onLoad);
            app.removeEventListener('loadend', onEnd);
            app.removeEventListener('error', onError);
            reject(event.error instanceof Error ? event.error : new Error('The image could not be read.'));
          };
          // Note: one instance at a time (a slice or a plain image): a phone holds one image, not the whole series, and
          // slices need no geometry to line up (outside studies often have none).
          app.reset();
          dataId = null;
          app.addEventListener('load', onLoad);
          app.addEventListener('loadend', onEnd);
          app.addEventListener('error', onError);
          app.loadFiles([file]);
        });
      },
      getWindow: current,
      setWindow(window) {
        controller()?.setWindowLevel(new dwv.WindowLevel(window.center, window.width));
      },
      setMode(next) {
        mode = next;
        if (dataId !== null) app.setTool(next === 'window' ? 'WindowLevel' : 'ZoomAndPan');
      },
      zoom(step) {
        if (dataId === null) return;
        app.zoom(step, element.clientWidth / 2, element.clientHeight / 2);
      },
      reset() {
        if (dataId === null) return;
        app.resetZoomPan();
        if (imageWindow) controller()?.setWindowLevel(new dwv.WindowLevel(imageWindow.center, imageWindow.width));
      },
      resize() {
        app.onResize();
      },
      onWindowChange(listener) {
        windowListener = listener;
      },
      dispose() {
        windowListener = null;
        app.abortAllLoads();
        app.reset();
      },
    };
  },
};
