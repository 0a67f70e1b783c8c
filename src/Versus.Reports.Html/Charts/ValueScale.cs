using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using Versus.Reports.Model;

namespace Versus.Reports.Html.Charts;

/// <summary>
/// Maps values to plot coordinates. ScottPlot 5 has no logarithmic axis: as its cookbook ("Log Scale") does, a log axis
/// plots log10 of each value and labels the ticks with the values again, so the reader sees milliseconds, not exponents.
/// </summary>
internal sealed class ValueScale
{
    private ValueScale(bool log, double low, double high)
    {
        Log = log;
        Low = low;
        High = high;
    }

    public bool Log { get; }

    /// <summary>The lower limit in plot coordinates; bars start here on a log axis, where zero does not exist.</summary>
    public double Low { get; }

    public double High { get; }

    /// <param name="values">Every value, low and high the chart will draw, so intervals stay inside the frame.</param>
    /// <param name="fromDecade">Bars on a log axis start at the decade below the data, so their lengths compare.</param>
    /// <param name="fromZero">A linear axis starts at zero (bar lengths); a distribution's does not need to.</param>
    public static ValueScale For(ChartAxis axis, IEnumerable<double> values, bool fromDecade = false, bool fromZero = true)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (axis.Log)
        {
            var positive = finite.Where(v => v > 0).Select(Math.Log10).DefaultIfEmpty(0).ToList();
            var (min, max) = (positive.Min(), positive.Max());
            var pad = Math.Max(0.08 * (max - min), 0.05);
            return new ValueScale(true, fromDecade ? Math.Floor(min - 0.05) : min - pad, max + pad);
        }
        var dataLow = finite.DefaultIfEmpty(0).Min();
        var dataHigh = finite.DefaultIfEmpty(1).Max();
        var low = axis.Minimum ?? (fromZero ? Math.Min(0, dataLow) : dataLow - (0.08 * (dataHigh - dataLow)));
        var high = axis.Maximum ?? (dataHigh > low ? dataHigh + (0.08 * (dataHigh - low)) : low + 1);
        return new ValueScale(false, low, high);
    }

    /// <summary>The plot coordinate of a value; a non-positive value on a log axis sits on the floor of the frame.</summary>
    public double Map(double value) => !Log ? value : value > 0 ? Math.Log10(value) : Low;

    public void Apply(Plot plot, IAxis axis)
    {
        if (Log) axis.TickGenerator = LogTicks();
        if (axis.IsHorizontal()) plot.Axes.SetLimitsX(Low, High, (IXAxis)axis);
        else plot.Axes.SetLimitsY(Low, High, (IYAxis)axis);
    }

    public static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>
    /// Decades as major ticks; on a span under two decades 2x and 5x too, under one decade every digit, so that there
    /// are always labels to read the values by.
    /// </summary>
    private NumericManual LogTicks()
    {
        var ticks = new NumericManual();
        var dense = High - Low <= 2;
        var every = High - Low < 1;
        for (var decade = (int)Math.Floor(Low); decade <= (int)Math.Ceiling(High); decade++)
        {
            for (var m = 1; m <= 9; m++)
            {
                var position = decade + Math.Log10(m);
                if (position < Low - 1e-9 || position > High + 1e-9) continue;
                if (m == 1 || every || (dense && m is 2 or 5)) ticks.AddMajor(position, Format(m * Math.Pow(10, decade)));
                else ticks.AddMinor(position);
            }
        }
        return ticks;
    }
}
