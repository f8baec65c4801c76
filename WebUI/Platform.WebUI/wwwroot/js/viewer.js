// The case viewer's side in the browser: one NiiVue instance per canvas, driven from VolumeViewer.razor.
// NiiVue is installed from npm by the build (NiiVue.targets) and served from wwwroot/lib/niivue.
import { Niivue, SLICE_TYPE, SHOW_RENDER } from '/lib/niivue/niivue.js';

const viewers = new WeakMap();

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
 * The automatic window: the image's 0.5th to 99.5th intensity percentiles (nnU-Net's clipping range), from a
 * 4096-bin histogram of the calibrated intensities, leaving out voxels at the image's minimum (padding outside the
 * field of view, which would drag the window down to it).
 */
function percentileWindow(image) {
    const minimum = image.global_min, maximum = image.global_max;
    if (!(maximum > minimum))
        return { width: 1, center: minimum };
    const slope = image.hdr.scl_slope || 1, intercept = image.hdr.scl_inter || 0;
    const bins = 4096, counts = new Float64Array(bins), scale = (bins - 1) / (maximum - minimum);
    let total = 0;
    for (const raw of image.img) {
        const value = raw * slope + intercept;
        if (!(value > minimum) || !(value <= maximum))
            continue;
        counts[Math.round((value - minimum) * scale)]++;
        total++;
    }
    if (total === 0)
        return { width: maximum - minimum, center: (maximum + minimum) / 2 };
    const at = fraction => {
        let seen = 0;
        for (let bin = 0; bin < bins; bin++) {
            seen += counts[bin];
            if (seen >= fraction * total)
                return minimum + bin / scale;
        }
        return maximum;
    };
    const low = at(0.005), high = at(0.995);
    return { width: Math.max(high - low, 1e-6), center: (high + low) / 2 };
}

function formatNumber(value) {
    if (value === undefined || value === null || Number.isNaN(value))
        return '–';
    return Math.abs(value) >= 100 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(2);
}

/** The line under the viewer: voxel, intensity and the reference and predicted labels (with names) at the crosshair. */
function describeLocation(state, data) {
    const values = data.values ?? [];
    const voxel = values[0]?.vox ?? data.vox ?? [];
    const parts = [`voxel (${Array.from(voxel, v => Math.round(v)).join(', ')})`, `intensity ${formatNumber(values[0]?.value)}`];
    for (const [overlay, title] of [['label', 'reference'], ['prediction', 'prediction']]) {
        const volume = state.overlays[overlay];
        if (!volume)
            continue;
        const value = Math.round(values[state.nv.volumes.indexOf(volume)]?.value ?? 0);
        const name = value === 0 ? 'background' : `${state.labelNames[value] ?? `label ${value}`} (${value})`;
        parts.push(`${title}: ${name}`);
    }
    return parts.join(' · ');
}

/**
 * Loads the image, then the reference label and the prediction as overlays. Answers what the page needs to set up
 * its controls: the image's automatic window and intensity range, and which overlay could not be loaded (and why).
 */
export async function create(canvas, options, readout) {
    if (!webGl2Available())
        return { ok: false, webGl2: false, error: 'WebGL2 is not available in this browser.' };
    const nv = new Niivue({
        backColor: [0.05, 0.05, 0.08, 1],
        crosshairColor: options.crosshairColor,
        show3Dcrosshair: true,
        isColorbar: false,
        dragAndDropEnabled: false,
        multiplanarShowRender: SHOW_RENDER.ALWAYS,
        isRadiologicalConvention: options.radiological,
    });
    const state = { nv, overlays: {}, labelNames: options.labelNames ?? {} };
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
        state.overlays.label = await addLabelVolume(nv, options.labelUrl, options.labelName, options.referencePalette, options.labelOpacity);
    } catch (error) {
        result.labelError = `The reference label could not be loaded: ${message(error)}`;
    }
    if (options.predictionUrl) {
        try {
            state.overlays.prediction = await addLabelVolume(nv, options.predictionUrl, options.predictionName, options.predictionPalette, options.predictionOpacity);
        } catch (error) {
            result.predictionError = `The prediction could not be loaded: ${message(error)}`;
        }
    }
    nv.updateGLVolume();

    const image = nv.volumes[0];
    const automatic = percentileWindow(image);
    result.autoWidth = automatic.width;
    result.autoCenter = automatic.center;
    result.minimum = image.global_min;
    result.maximum = image.global_max;
    if (readout) {
        nv.onLocationChange = data => { readout.textContent = describeLocation(state, data); };
        readout.textContent = 'Click the image to read the intensity and the labels there.';
    }
    return result;
}

/** Radiological convention (the patient's left on the screen's right, as CT is read) or neurological (left on left). */
export function setRadiological(canvas, radiological) {
    const state = viewers.get(canvas);
    if (!state) return;
    state.nv.setRadiologicalConvention(radiological);
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
