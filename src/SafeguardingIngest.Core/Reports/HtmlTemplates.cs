using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace SafeguardingIngest.Reports;

/// <summary>
/// The one way HTML is written: Liquid templates (embedded in this assembly) rendered by Fluid with an
/// HTML encoder, so every value a template outputs is encoded unless the template itself says
/// otherwise. Text from agencies therefore reaches a page only as text.
/// </summary>
public static class HtmlTemplates
{
    // Encodes what HTML needs (< > & " ') and leaves other characters, such as – and ’, as they are.
    private static readonly HtmlEncoder s_encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly FluidParser s_parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> s_templates = new(StringComparer.Ordinal);
    private static readonly TemplateOptions s_options = new()
    {
        MemberAccessStrategy = UnsafeMemberAccessStrategy.Instance
    };

    /// <summary>
    /// Renders the embedded template <paramref name="name"/> (such as "feedback.liquid") with <paramref name="model"/>.
    /// </summary>
    public static string Render(string name, object model)
    {
        var template = s_templates.GetOrAdd(name, Parse);
        return template.Render(new TemplateContext(model, s_options), s_encoder);
    }

    private static IFluidTemplate Parse(string name)
    {
        using var stream = typeof(HtmlTemplates).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"No embedded template {name}.");
        using var reader = new StreamReader(stream);
        var source = reader.ReadToEnd();
        return s_parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"The template {name} does not parse: {error}");
    }
}
