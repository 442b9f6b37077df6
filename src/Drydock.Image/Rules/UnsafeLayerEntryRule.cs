using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;

namespace Drydock.Image.Rules;

/// <summary>IM002: a layer entry with an absolute path, a ".." that leaves the root, or a hard link to nothing.</summary>
public sealed class UnsafeLayerEntryRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM002",
        "unsafe-layer-entry",
        Severity.Error,
        "A layer holds an entry that escapes the image root or links to nothing.",
        "Entries that climb out of the root with '..' or use absolute paths are how malicious archives write onto the host of a careless extractor; a hard link to a missing file makes extraction fail.",
        "Rebuild the layer with a standard tool (docker build, buildah, umoci) from a clean tree; never hand-craft layer tars.");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        foreach (var problem in context.Platform.LayerProblems)
        {
            var layer = problem.Layer < context.Platform.Layers.Count ? context.Platform.Layers[problem.Layer] : null;
            string evidence = $"layer {problem.Layer + 1}{(layer is null ? "" : $" {layer.Digest}")}: {problem.Message}";
            sink.Report(Descriptor, context.Location(problem.Path.StartsWith('/') ? problem.Path : "/" + problem.Path), problem.Message, evidence);
        }
    }
}
