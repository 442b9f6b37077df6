using Drydock.Findings;

namespace Drydock.Testing;

/// <summary>Applies a fix's edits to a text as `drydock fix` does (the last edit first, so offsets stay valid), for before/after tests.</summary>
public static class FixEdits
{
    public static string Apply(string text, Fix fix)
    {
        foreach (var edit in fix.Edits.OrderByDescending(edit => edit.Start))
        {
            text = string.Concat(text.AsSpan(0, edit.Start), edit.NewText, text.AsSpan(edit.End));
        }

        return text;
    }
}
