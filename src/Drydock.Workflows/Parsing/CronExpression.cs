namespace Drydock.Workflows.Parsing;

/// <summary>
/// Validates the five-field POSIX cron syntax GitHub's scheduler accepts (minute hour day-of-month month
/// day-of-week, with '*', ',', '-', '/', and JAN-DEC / SUN-SAT names). Returns why a schedule is invalid,
/// or null; also tells when a schedule runs more often than GitHub allows (every 5 minutes at most).
/// </summary>
public static class CronExpression
{
    private static readonly (string Name, int Min, int Max, string[]? Names)[] Fields =
    [
        ("minute", 0, 59, null),
        ("hour", 0, 23, null),
        ("day of month", 1, 31, null),
        ("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        ("day of week", 0, 6, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    public static string? Validate(string cron)
    {
        var parts = cron.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            return $"a cron schedule has 5 fields (minute hour day-of-month month day-of-week), this one has {parts.Length}";
        }

        for (int field = 0; field < 5; field++)
        {
            var (name, min, max, names) = Fields[field];
            foreach (string item in parts[field].Split(','))
            {
                string? problem = ValidateItem(item, name, min, max, names);
                if (problem is not null)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    /// <summary>The smallest interval, in minutes, between runs when the minute field is a step ('*/1'); else null.</summary>
    public static int? MinuteStep(string cron)
    {
        var parts = cron.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            return null;
        }

        if (parts[0] == "*")
        {
            return 1;
        }

        return parts[0].StartsWith("*/", StringComparison.Ordinal) && int.TryParse(parts[0][2..], out int step) ? step : null;
    }

    private static string? ValidateItem(string item, string field, int min, int max, string[]? names)
    {
        if (item.Length == 0)
        {
            return $"empty item in the {field} field";
        }

        string range = item;
        int slash = item.IndexOf('/');
        if (slash >= 0)
        {
            range = item[..slash];
            if (!int.TryParse(item[(slash + 1)..], out int step) || step <= 0)
            {
                return $"step '{item[(slash + 1)..]}' in the {field} field is not a positive number";
            }
        }

        if (range == "*")
        {
            return null;
        }

        int dash = range.IndexOf('-');
        var bounds = dash > 0 ? new[] { range[..dash], range[(dash + 1)..] } : [range];
        var values = new List<int>();
        foreach (string bound in bounds)
        {
            int value;
            if (int.TryParse(bound, out value))
            {
                // 7 is Sunday in day-of-week, as in most cron implementations.
                int upper = field == "day of week" ? 7 : max;
                if (value < min || value > upper)
                {
                    return $"{value} is out of range for the {field} field ({min}-{max})";
                }
            }
            else if (names is not null && Array.IndexOf(names, bound.ToUpperInvariant()) is int index and >= 0)
            {
                value = index + min;
            }
            else
            {
                return $"'{bound}' is not a valid value for the {field} field";
            }

            values.Add(value);
        }

        if (values.Count == 2 && values[0] > values[1])
        {
            return $"range {range} in the {field} field goes backwards";
        }

        return null;
    }
}
