"""The predictor benchmark's reference side: the same network (unet_step.UNet) and the same sliding-window
arithmetic as our SlidingWindowInference, in PyTorch. Written for this benchmark from nnU-Net's documented rules,
not copied: pad to at least the tile (split evenly), tile starts at most step x tile apart and spread evenly
(numpy rounding), Gaussian weights (sigma = tile/8, peak 1, zeros raised to the smallest non-zero), logits averaged
over the unmirrored and every mirrored pass, weighted accumulation, division by the summed weights, argmax.
Prints one JSON line: seconds, parameters, tiles, peak resident GiB, torch version.
"""
import argparse
import itertools
import json
import math
import resource
import time

import numpy as np
import torch

from unet_step import UNet


def starts(image, tile, step):
    largest = image - tile
    count = math.ceil(largest / (tile * step)) + 1
    if count == 1:
        return [0]
    actual = largest / (count - 1)
    return [int(np.round(actual * i)) for i in range(count)]


def gaussian(tile):
    profiles = []
    for n in tile:
        centre, sigma = n // 2, n / 8
        d = np.arange(n) - centre
        profiles.append(np.exp(-(d * d) / (2 * sigma * sigma)))
    z, y, x = profiles
    g = (z[:, None, None] * y[None, :, None] * x[None, None, :]).astype(np.float32)
    g[g == 0] = g[g > 0].min()
    return torch.from_numpy(g)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--image", default="512,512,300")  # x,y,z
    parser.add_argument("--tile", default="128,128,128")
    parser.add_argument("--features", default="8,16,32,64,128")
    for name, default in [("classes", 3), ("tile_batch", 2), ("threads", 2), ("mirror", 1)]:
        parser.add_argument("--" + name.replace("_", "-"), type=int, default=default)
    parser.add_argument("--step", type=float, default=0.5)
    a = parser.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    ix, iy, iz = (int(v) for v in a.image.split(","))
    tx, ty, tz = (int(v) for v in a.tile.split(","))
    network = UNet(1, a.classes, [int(f) for f in a.features.split(",")]).eval()
    image = torch.from_numpy(np.random.default_rng(0).uniform(-1, 1, (1, iz, iy, ix)).astype(np.float32))
    # Mirror over x, y and z: every non-empty combination of the tensor's last three dimensions.
    flips = [dims for r in (1, 2, 3) for dims in itertools.combinations((4, 3, 2), r)] if a.mirror else []

    start = time.perf_counter()
    with torch.no_grad():
        pz, py, px = max(iz, tz), max(iy, ty), max(ix, tx)
        lz, ly, lx = (pz - iz) // 2, (py - iy) // 2, (px - ix) // 2
        padded = torch.nn.functional.pad(image, (lx, px - ix - lx, ly, py - iy - ly, lz, pz - iz - lz))
        weights = gaussian((tz, ty, tx))
        tiles = [(z, y, x) for z in starts(pz, tz, a.step) for y in starts(py, ty, a.step) for x in starts(px, tx, a.step)]
        total = torch.zeros((a.classes, pz, py, px))
        weight_sum = torch.zeros((pz, py, px))
        for first in range(0, len(tiles), a.tile_batch):
            batch = tiles[first:first + a.tile_batch]
            inputs = torch.stack([padded[:, z:z + tz, y:y + ty, x:x + tx] for z, y, x in batch])
            outputs = network(inputs)[0]
            for dims in flips:
                outputs += torch.flip(network(torch.flip(inputs, dims))[0], dims)
            if flips:
                outputs /= len(flips) + 1
            for b, (z, y, x) in enumerate(batch):
                total[:, z:z + tz, y:y + ty, x:x + tx] += outputs[b] * weights
                weight_sum[z:z + tz, y:y + ty, x:x + tx] += weights
        total /= weight_sum
        labels = total[:, lz:lz + iz, ly:ly + iy, lx:lx + ix].argmax(0).to(torch.uint8)
    seconds = time.perf_counter() - start
    assert labels.shape == (iz, iy, ix)
    print(json.dumps({"seconds": seconds,
                      "parameters": sum(p.numel() for p in network.parameters()),
                      "tiles": len(tiles),
                      "peak_gib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024,
                      "torch": torch.__version__}))


if __name__ == "__main__":
    main()
