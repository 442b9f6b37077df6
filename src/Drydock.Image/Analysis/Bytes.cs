using System.Globalization;

namespace Drydock.Image.Analysis;

public static class Bytes
{
    /// <summary>"1.5 MB" style, decimal units as `docker images` prints them.</summary>
    public static string Format(long bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB"];
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : string.Create(CultureInfo.InvariantCulture, $"{value:0.##} {units[unit]}");
    }
}
