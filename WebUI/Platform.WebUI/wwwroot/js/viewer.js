// The case viewer's side in the browser: one NiiVue instance per canvas, driven from VolumeViewer.razor.
// NiiVue is installed from npm by the build (NiiVue.targets) and served from wwwroot/lib/niivue.
import { Niivue, SLICE_TYPE, SHOW_RENDER } from '/lib/niivue/niivue.js';

const viewers = new WeakMap();

// Reference labels in calm greens and blues, predictions in warm reds and magentas: the two read apart where they overlap.
const referencePalette = [[46, 204, 113], [52, 152, 219], [26, 188, 156], [155, 89, 182], [241, 196, 15], [149, 165, 166]];
const predictionPalette = [[231, 76, 60], [255, 0, 200], [255, 140, 0], [255, 235, 59], [233, 30, 99], [121, 85, 72]];

const layouts = {
    multiplanar: SLICE_TYPE.MULTIPLANAR,
    axial: SLICE_TYPE.AXIAL,
    coronal: SLICE_TYPE.CORONAL,
    sagittal: SLICE_TYPE.SAGITTAL,
    render: SLICE_TYPE.RENDER,
};

/** A label lookup table: 0 transparent, label l the palette's colour (repeating past its end). */
function labelColormap(palette, maxLabel) {
    const table = { R: [], G: [], B: [], A: [], I: [] };
    for (let label = 0; label <= Math.max(1, maxLabel); label++) {
        const colour = label === 0 ? [0, 0, 0] : palette[(label - 1) % palette.length];
        table.R.push(colour[0]);
        table.G.push(colour[1]);
        table.B.push(colour[2]);
        table.A.push(label === 0 ? 0 : 255);
        table.I.push(label);
    }
    return table;
}

function webGl2Available() {
    try {
        return !!document.createElement('canvas').getContext('webgl2');
    } catch {
        return false;
    }
}

function message(error) {
    return String(error?.message ?? error ?? 'unknown error');
}

async function addLabelVolume(nv, url, name, palette, opacity) {
    const volume = await nv.addVolumeFromUrl({ url, name, opacity });
    volume.setColormapLabel(labelColormap(palette, Math.round(volume.global_max ?? 1)));
    return volume;
}

/**
 * Loads the image, then the reference label and the prediction as overlays. Answers what the page needs to set up
 * its controls: the image's automatic window and intensity range, and which overlay could not be loaded (and why).
 */
export async function create(canvas, options) {
    if (!webGl2Available())
        return { ok: false, webGl2: false, error: 'WebGL2 is not available in this browser.' };
    const nv = new Niivue({
        backColor: [0.05, 0.05, 0.08, 1],
        show3Dcrosshair: true,
        isColorbar: false,
        dragAndDropEnabled: false,
        multiplanarShowRender: SHOW_RENDER.ALWAYS,
    });
    const state = { nv, overlays: {} };
    viewers.set(canvas, state);
    try {
        await nv.attachToCanvas(canvas);
        nv.setSliceType(layouts[options.layout] ?? SLICE_TYPE.MULTIPLANAR);
        await nv.loadVolumes([{ url: options.imageUrl, name: options.imageName, colormap: 'gray' }]);
    } catch (error) {
        return { ok: false, webGl2: true, error: `The image could not be loaded: ${message(error)}` };
    }

    const result = { ok: true, webGl2: true, error: null, labelError: null, predictionError: null };
    try {
        state.overlays.label = await addLabelVolume(nv, options.labelUrl, options.labelName, referencePalette, options.labelOpacity);
    } catch (error) {
        result.labelError = `The reference label could not be loaded: ${message(error)}`;
    }
    if (options.predictionUrl) {
        try {
            state.overlays.prediction = await addLabelVolume(nv, options.predictionUrl, options.predictionName, predictionPalette, options.predictionOpacity);
        } catch (error) {
            result.predictionError = `The prediction could not be loaded: ${message(error)}`;
        }
    }
    nv.updateGLVolume();

    const image = nv.volumes[0];
    result.autoWidth = image.cal_max - image.cal_min;
    result.autoCenter = (image.cal_max + image.cal_min) / 2;
    result.minimum = image.global_min;
    result.maximum = image.global_max;
    return result;
}

/** Window/level of the image: intensities from centre - width/2 (black) to centre + width/2 (white). */
export function setWindow(canvas, width, center) {
    const state = viewers.get(canvas);
    if (!state) return;
    const image = state.nv.volumes[0];
    image.cal_min = center - width / 2;
    image.cal_max = center + width / 2;
    state.nv.updateGLVolume();
}

/** Shows or hides an overlay ("label" or "prediction") at the given opacity (0-1). */
export function setOverlay(canvas, overlay, visible, opacity) {
    const state = viewers.get(canvas);
    const volume = state?.overlays[overlay];
    if (!volume) return;
    state.nv.setOpacity(state.nv.volumes.indexOf(volume), visible ? opacity : 0);
}

/** "multiplanar" (axial, coronal, sagittal and a 3D render), or one of "axial", "coronal", "sagittal", "render". */
export function setLayout(canvas, layout) {
    const state = viewers.get(canvas);
    if (!state) return;
    state.nv.opts.multiplanarShowRender = SHOW_RENDER.ALWAYS;
    state.nv.setSliceType(layouts[layout] ?? SLICE_TYPE.MULTIPLANAR);
}

/** Releases the viewer's listeners and its WebGL context (browsers allow only a few at a time). */
export function dispose(canvas) {
    const state = viewers.get(canvas);
    if (!state) return;
    viewers.delete(canvas);
    try {
        state.nv.cleanup();
        state.nv.gl?.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
        // The canvas may already be gone with its page.
    }
}
