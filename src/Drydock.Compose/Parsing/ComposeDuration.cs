using System.Globalization;

namespace Drydock.Compose.Parsing;

/// <summary>
/// Compose durations use Go's <c>time.ParseDuration</c> syntax: a sequence of decimal numbers with units
/// (ns, us, µs, ms, s, m, h), e.g. <c>1m30s</c>, <c>1.5h</c>, <c>500ms</c>. A bare <c>0</c> is allowed.
/// </summary>
public static class ComposeDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string s = text.Trim();
        if (s == "0")
        {
            return true;
        }

        double totalSeconds = 0;
        int i = 0;
        while (i < s.Length)
        {
            int numberStart = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (i == numberStart || !double.TryParse(s[numberStart..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number))
            {
                return false;
            }

            int unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            double? scale = s[unitStart..i] switch
            {
                "h" => 3600,
                "m" => 60,
                "s" => 1,
                "ms" => 1e-3,
                "us" or "µs" or "μs" => 1e-6,
                "ns" => 1e-9,
                _ => null,
            };
            if (scale is null)
            {
                return false;
            }

            totalSeconds += number * scale.Value;
        }

        duration = TimeSpan.FromSeconds(totalSeconds);
        return true;
    }

    /// <summary>Short human form for messages: 90s becomes "1m30s".</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return $"{duration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms";
        }

        var parts = new System.Text.StringBuilder();
        if (duration.Hours + (duration.Days * 24) > 0)
        {
            parts.Append(CultureInfo.InvariantCulture, $"{duration.Hours + (duration.Days * 24)}h");
        }

        if (duration.Minutes > 0)
        {
            parts.Append(CultureInfo.InvariantCulture, $"{duration.Minutes}m");
        }

        if (duration.Seconds > 0 || parts.Length == 0)
        {
            parts.Append(CultureInfo.InvariantCulture, $"{duration.Seconds}s");
        }

        return parts.ToString();
    }
}
