#!/usr/bin/env python3
"""Exports torchvision's ResNet-18, MobileNetV2 and SqueezeNet 1.1 to ONNX with random weights (no download).

Usage: /usr/bin/python3 scripts/export-torchvision.py OUT_DIR [--models resnet18,mobilenet_v2,squeezenet1_1] [--seed 0]

Writes OUT_DIR/{model}-eval.onnx (eval mode: constant folding fuses batch norm into the convolutions) and
OUT_DIR/{model}-train.onnx (torch.onnx.TrainingMode.TRAINING, do_constant_folding=False: BatchNormalization and
Dropout kept), each 1 x 3 x 224 x 224 with a dynamic batch axis, opset 13, plus OUT_DIR/{model}-input.bin (two
images, float32 little-endian) for checks outside Versus. Needs Debian's python3-torchvision (torch 1.13).

Weights are torchvision's random initialisation under a fixed seed; batch-norm scales, shifts and running statistics
are then drawn at random too, so that a wrong mapping of them changes the outputs (at initialisation they are the
identity and a mapping bug would go unseen).
"""
import argparse
import os
import sys
import warnings

import torch
import torchvision

MODELS = {
    "resnet18": torchvision.models.resnet18,
    "mobilenet_v2": torchvision.models.mobilenet_v2,
    "squeezenet1_1": torchvision.models.squeezenet1_1,
}


def build(name, seed):
    torch.manual_seed(seed)
    model = MODELS[name](weights=None)
    generator = torch.Generator().manual_seed(seed + 1)
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, torch.nn.BatchNorm2d):
                n = module.num_features
                module.weight.copy_(0.5 + torch.rand(n, generator=generator))
                module.bias.copy_(0.2 * torch.randn(n, generator=generator))
                module.running_mean.copy_(0.1 * torch.randn(n, generator=generator))
                module.running_var.copy_(0.5 + torch.rand(n, generator=generator))
    return model


def export(model, path, training):
    example = torch.zeros(1, 3, 224, 224)
    mode = torch.onnx.TrainingMode.TRAINING if training else torch.onnx.TrainingMode.EVAL
    model.train(training)
    torch.onnx.export(
        model, example, path,
        opset_version=13,
        input_names=["input"], output_names=["logits"],
        dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}},
        training=mode,
        do_constant_folding=not training,
    )


def main():
    # torch 1.13 warns once per batch-norm buffer in training mode (num_batches_tracked is not exported); not actionable.
    warnings.filterwarnings("ignore", category=UserWarning)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--models", default=",".join(MODELS))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name in args.models.split(","):
        if name not in MODELS:
            sys.exit(f"unknown model {name}; known: {', '.join(MODELS)}")
        model = build(name, args.seed)
        for training in (False, True):
            path = os.path.join(args.out, f"{name}-{'train' if training else 'eval'}.onnx")
            export(model, path, training)
            print(path)
    torch.manual_seed(args.seed + 2)
    torch.rand(2, 3, 224, 224).numpy().astype("<f4").tofile(os.path.join(args.out, "input.bin"))


if __name__ == "__main__":
    main()
