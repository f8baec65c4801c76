"""The benchmark's reference side: the same plain 3D U-Net and training step as OurTrainingStep.cs, in PyTorch.

Written for this benchmark (not copied from nnU-Net): conv (kernel 3, 'same' padding, bias) -> instance norm
(affine, eps 1e-5) -> leaky ReLU 0.01, two per stage, the first strided (2) below the first stage; transposed-conv
upsampling (kernel = stride = 2), concatenation [upsampled, skip], two convolutions, a 1x1 head per decoder stage;
Dice + CE with deep-supervision weights 1/2^i (lowest dropped, normalised), gradient clipping 12, SGD Nesterov.
Prints one JSON line: ms_per_step, parameters, torch version.
"""
import argparse
import json
import time

import torch
from torch import nn
import torch.nn.functional as F


def conv_unit(inputs, outputs, stride):
    return nn.Sequential(
        nn.Conv3d(inputs, outputs, 3, stride, 1, bias=True),
        nn.InstanceNorm3d(outputs, eps=1e-5, affine=True),
        nn.LeakyReLU(0.01, inplace=True),
    )


def stage(inputs, outputs, stride):
    return nn.Sequential(conv_unit(inputs, outputs, stride), conv_unit(outputs, outputs, 1))


class UNet(nn.Module):
    def __init__(self, channels, classes, features):
        super().__init__()
        self.encoder = nn.ModuleList(
            stage(channels if s == 0 else features[s - 1], f, 1 if s == 0 else 2) for s, f in enumerate(features))
        n = len(features)
        self.upsampling = nn.ModuleList(
            nn.ConvTranspose3d(features[n - 1 - d], features[n - 2 - d], 2, 2, bias=True) for d in range(n - 1))
        self.decoder = nn.ModuleList(stage(2 * features[n - 2 - d], features[n - 2 - d], 1) for d in range(n - 1))
        self.heads = nn.ModuleList(nn.Conv3d(features[n - 2 - d], classes, 1, 1, 0, bias=True) for d in range(n - 1))
        for m in self.modules():
            if isinstance(m, (nn.Conv3d, nn.ConvTranspose3d)):
                nn.init.kaiming_normal_(m.weight, a=1e-2)
                nn.init.zeros_(m.bias)

    def forward(self, x):
        skips = []
        for s in self.encoder:
            x = s(x)
            skips.append(x)
        outputs = []
        for d in range(len(self.decoder)):
            x = self.decoder[d](torch.cat([self.upsampling[d](x), skips[-2 - d]], 1))
            outputs.append(self.heads[d](x))
        return outputs[::-1]


def dice_ce(logits, target, smooth=1e-5):
    ce = F.cross_entropy(logits, target[:, 0])
    p = logits.softmax(1)
    onehot = torch.zeros_like(p).scatter_(1, target, 1.0)
    p, g = p[:, 1:], onehot[:, 1:]
    axes = tuple(range(2, logits.dim()))
    dice = (2 * (p * g).sum(axes) + smooth) / (p.sum(axes) + g.sum(axes) + smooth).clamp_min(1e-8)
    return ce - dice.mean()


def deep_supervision_loss(outputs, target):
    weights = [1 / 2 ** i for i in range(len(outputs))]
    weights[-1] = 0
    total = sum(weights)
    loss = 0
    for w, o in zip(weights, outputs):
        if w == 0:
            continue
        t = target if o.shape[2:] == target.shape[2:] else \
            F.interpolate(target.float(), size=o.shape[2:], mode="nearest").long()
        loss = loss + w / total * dice_ce(o, t)
    return loss


def main():
    parser = argparse.ArgumentParser()
    for name, default in [("patch", 32), ("batch", 2), ("channels", 1), ("classes", 3), ("threads", 2), ("warmup", 2), ("steps", 5)]:
        parser.add_argument("--" + name, type=int, default=default)
    parser.add_argument("--features", default="16,32,64,128")
    a = parser.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    features = [int(f) for f in a.features.split(",")]
    network = UNet(a.channels, a.classes, features).train()
    optimizer = torch.optim.SGD(network.parameters(), lr=1e-2, momentum=0.99, weight_decay=3e-5, nesterov=True)
    images = torch.randn(a.batch, a.channels, a.patch, a.patch, a.patch)
    labels = torch.randint(0, a.classes, (a.batch, 1, a.patch, a.patch, a.patch))

    def step():
        optimizer.zero_grad(set_to_none=True)
        loss = deep_supervision_loss(network(images), labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(network.parameters(), 12)
        optimizer.step()
        loss.item()

    for _ in range(a.warmup):
        step()
    start = time.perf_counter()
    for _ in range(a.steps):
        step()
    elapsed = time.perf_counter() - start
    print(json.dumps({"ms_per_step": elapsed * 1000 / a.steps,
                      "parameters": sum(p.numel() for p in network.parameters()),
                      "torch": torch.__version__}))


if __name__ == "__main__":
    main()
