using System.Globalization;

namespace SafeguardingIngest.Testing;

/// <summary>
/// A linear expression over a model's unknowns (by index) with real coefficients and a constant, kept
/// apart from the solver so that published figures to one decimal can be scaled to whole coefficients.
/// </summary>
public sealed class LinearForm
{
    private readonly SortedDictionary<int, double> _terms = [];

    /// <summary>The constant part.</summary>
    public double Constant { get; private set; }

    /// <summary>Each unknown's index and its coefficient, without zero ones.</summary>
    public IEnumerable<KeyValuePair<int, double>> Terms => _terms.Where(t => t.Value != 0);

    /// <summary>True where no unknown is in it: the reader knows its value.</summary>
    public bool IsKnown => !Terms.Any();

    /// <summary>A known value.</summary>
    public static LinearForm Of(double constant) => new() { Constant = constant };

    /// <summary>One unknown.</summary>
    public static LinearForm Unknown(int index)
    {
        var form = new LinearForm();
        form._terms[index] = 1;
        return form;
    }

    /// <summary>The sum of <paramref name="forms"/>.</summary>
    public static LinearForm Sum(IEnumerable<LinearForm> forms)
    {
        var sum = new LinearForm();
        foreach (var form in forms)
        {
            sum.Add(form, 1);
        }

        return sum;
    }

    /// <summary>a·x + b·y, the weighted sum of two forms.</summary>
    public static LinearForm Combine(double a, LinearForm x, double b, LinearForm y)
    {
        var sum = new LinearForm();
        sum.Add(x, a);
        sum.Add(y, b);
        return sum;
    }

    /// <summary>A text that is the same for equal forms, so a figure asked twice is solved once.</summary>
    public string Key() =>
        string.Join(' ', Terms.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Value}x{t.Key}"))) +
        string.Create(CultureInfo.InvariantCulture, $" + {Constant}");

    private void Add(LinearForm form, double weight)
    {
        foreach (var (index, coefficient) in form._terms)
        {
            _terms[index] = _terms.GetValueOrDefault(index) + (weight * coefficient);
        }

        Constant += weight * form.Constant;
    }
}
