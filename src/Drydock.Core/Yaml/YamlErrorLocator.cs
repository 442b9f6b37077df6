using YamlDotNet.Core;

namespace Drydock.Yaml;

/// <summary>
/// Finds where YAML parsing stops when the representation model only says "Operation is not valid" (YamlDotNet
/// throws that, without a position, for some scanner states such as an unclosed flow sequence or tab indentation):
/// replays the event stream and returns the position of the error, or the end of the last good event.
/// </summary>
internal static class YamlErrorLocator
{
    public static (int Line, int Column, string Message)? Locate(string text)
    {
        var parser = new Parser(new StringReader(text));
        Mark last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
            }
        }
        catch (YamlException e)
        {
            string message = e.Message;
            int at = message.IndexOf(" Line: ", StringComparison.Ordinal);
            message = at > 0 ? message[..at] : message;
            if (e.Start.Line <= 1 && message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabIndent(text) is int tabLine)
            {
                return (tabLine, 1, "a tab is used for indentation; YAML allows only spaces");
            }

            return ((int)e.Start.Line, (int)e.Start.Column, message);
        }
        catch (InvalidOperationException)
        {
            return ((int)last.Line, (int)last.Column, "the YAML structure breaks after this point (an unclosed '[' or '{', or tabs used for indentation?)");
        }

        return null;
    }

    private static int? FirstTabIndent(string text)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string indent = lines[i][..(lines[i].Length - lines[i].TrimStart(' ', '\t').Length)];
            if (indent.Contains('\t'))
            {
                return i + 1;
            }
        }

        return null;
    }
}
