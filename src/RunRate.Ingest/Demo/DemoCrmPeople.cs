using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using RunRate.Engine.Crm;
using static RunRate.Ingest.Demo.DemoCatalog;

namespace RunRate.Ingest.Demo;

/// <summary>The demo accounts' e-mail domains and the people who work there.</summary>
internal static class DemoCrmPeople
{
    private static readonly string[] FirstNames =
    [
        "Ava", "Liam", "Mia", "Noah", "Sofia", "Lucas", "Amara", "Ethan", "Yuki", "Mateo", "Priya", "Oliver", "Zoe", "Hugo", "Leila",
        "Jonas", "Chen", "Isla", "Omar", "Freya", "Diego", "Nina", "Kwame", "Elena", "Arjun", "Clara", "Tomás", "Hana", "Felix", "Ines",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Garcia", "Müller", "Martin", "Rossi", "Nguyen", "Kowalski", "Okafor", "Jensen", "Tanaka", "Silva", "Dubois", "Khan",
        "Larsen", "Schmidt", "Brown", "Costa", "Novak", "Haddad", "Walsh", "Kim", "Moreau", "Fischer", "Patel", "Ortiz", "Berg",
    ];

    private static readonly string[] Roles = ["CFO", "Head of Operations", "IT Admin", "Champion", "VP Sales", "Procurement", "Finance Manager", "CTO"];

    private static readonly Dictionary<string, (string Tld, string Dial)> Countries = new(StringComparer.Ordinal)
    {
        ["US"] = (".com", "+1"), ["CA"] = (".ca", "+1"), ["AU"] = (".com.au", "+61"), ["GB"] = (".co.uk", "+44"), ["DE"] = (".de", "+49"),
        ["FR"] = (".fr", "+33"), ["NL"] = (".nl", "+31"), ["ES"] = (".es", "+34"), ["IE"] = (".ie", "+353"), ["SE"] = (".se", "+46"),
        ["JP"] = (".jp", "+81"), ["BR"] = (".com.br", "+55"), ["IN"] = (".in", "+91"), ["SG"] = (".sg", "+65"),
    };

    public static (ImmutableArray<AccountProfile> Profiles, ImmutableArray<Contact> Contacts) Create(List<DemoCrmAccount> accounts, Random rng)
    {
        var profiles = new List<AccountProfile>();
        var contacts = new List<Contact>();
        var domains = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            var customer = account.Customer;
            var (tld, dial) = Countries.GetValueOrDefault(customer.Country ?? "US", (".com", "+1"));
            var domain = Domain(customer.Name, customer.Id.Value, tld, domains);
            profiles.Add(new AccountProfile(customer.Id, [domain]));

            var count = customer.Segment switch
            {
                "Enterprise" => rng.Next(2, 5),
                "Mid-Market" => rng.Next(1, 4),
                _ => rng.Next(1, 3),
            };
            var emails = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var first = AnyOf(rng, FirstNames);
                var last = AnyOf(rng, LastNames);
                var local = Ascii(first) + "." + Ascii(last);
                if (!emails.Add(local))
                {
                    local += (i + 1).ToString(CultureInfo.InvariantCulture);
                    emails.Add(local);
                }

                // The first person is who signed: the founder at a small company, someone in finance at a larger one.
                var role = i == 0 ? (customer.Segment == "SMB" ? "Founder" : "CFO") : AnyOf(rng, Roles);
                var phone = rng.NextDouble() < 0.6 ? $"{dial} {rng.Next(100, 1000)} {rng.Next(1000, 10000)}" : null;
                var id = $"ct_{customer.Id.Value.ToLowerInvariant()}_{(i + 1).ToString(CultureInfo.InvariantCulture)}";
                contacts.Add(new Contact(new ContactId(id), customer.Id, first + " " + last, local + "@" + domain, phone, role));
            }
        }

        return ([.. profiles], [.. contacts]);
    }

    /// <summary>The company's name as a domain, e.g. "Northwind Analytics, Inc." → northwindanalytics.com, made unique with the customer's number.</summary>
    private static string Domain(string? name, string id, string tld, HashSet<string> taken)
    {
        var words = (name ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Take(2);
        var stem = string.Concat(words.Select(Ascii));
        if (stem.Length == 0)
        {
            stem = Ascii(id);
        }

        // Demo names repeat; the customer's number (ids are unique, stems have no digits) tells the companies apart.
        var domain = stem + tld;
        if (!taken.Add(domain))
        {
            domain = stem + Ascii(id).TrimStart('c', '0') + tld;
            taken.Add(domain);
        }

        return domain;
    }

    /// <summary>Lower-case ASCII letters and digits only ("Müller" → "muller"), as in real addresses.</summary>
    private static string Ascii(string text)
    {
        const string Accented = "àáâäãåçèéêëìíîïñòóôöõùúûüý";
        const string Plain = "aaaaaaceeeeiiiinooooouuuuy";
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            var plain = Accented.IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? Plain[i] : c;
            if (char.IsAsciiLetterOrDigit(plain))
            {
                builder.Append(plain);
            }
        }

        return builder.ToString();
    }
}
