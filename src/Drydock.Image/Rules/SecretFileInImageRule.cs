using System.Text;
using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Image.Model;

namespace Drydock.Image.Rules;

/// <summary>IM037: a well-known credential file (.env, id_rsa, .npmrc with a token...) in the final filesystem.</summary>
public sealed class SecretFileInImageRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM037",
        "secret-file-in-image",
        Severity.Error,
        "The image contains a well-known credential file.",
        "Files copied into an image ship to everyone who can pull it: an .env, an SSH key or an .npmrc token leaks with every push, and deleting it in a later layer does not remove it from the earlier one.",
        "Exclude the file in .dockerignore (`.env`, `**/.npmrc`, `**/id_rsa`), pass it with `RUN --mount=type=secret` at build time, and rotate the credential.");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        foreach (var node in context.FileSystem.Root.Descendants())
        {
            if (node.Kind != FsNodeKind.File)
            {
                continue;
            }

            foreach (var rule in ImageKnowledge.SecretFiles)
            {
                if (rule.Name != node.Name || (rule.Parent is not null && node.Parent?.Name != rule.Parent))
                {
                    continue;
                }

                if (rule.MustContain.Count > 0)
                {
                    string text = node.Head is null ? "" : Encoding.UTF8.GetString(node.Head);
                    if (!rule.MustContain.Any(marker => text.Contains(marker, StringComparison.Ordinal)))
                    {
                        continue;
                    }
                }

                sink.Report(Descriptor, context.Location(node.Path), $"{node.Path} is a {rule.What} shipped in the image (layer {node.Layer + 1})", $"{node.Path}: {node.Size} bytes, layer {node.Layer + 1}, mode {Convert.ToString(node.Mode & 0xFFF, 8)}");
                break;
            }
        }
    }
}
