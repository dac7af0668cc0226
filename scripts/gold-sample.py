# python3 scripts/gold-sample.py: writes data/gold-sample/*.json from the annotations below (articles written for this sample, not
# copied from anywhere). Each annotation names its text and, when the text occurs more than once,
# which occurrence (1-based); offsets are computed here so they cannot drift from the text.
import json, os

def find(text, s, n=1):
    i = -1
    for _ in range(n):
        i = text.find(s, i + 1)
        if i < 0: raise SystemExit(f'not found: {s!r} #{n}')
    return {'start': i, 'end': i + len(s), 'text': s}

ARTICLES = [
  {
    'id': 'harbour-strike', 'publishedAt': '2025-03-14',
    'text': ("Dock workers in Rotterdam ended a nine-day strike on Thursday after the Port Authority agreed to raise wages by 6%.\n"
             "\"We got what we came for,\" said Marieke de Vries, who leads the FNV union's port branch.\n"
             "The stoppage had left about 120 ships waiting outside the harbour, the authority said. "
             "Shipping companies estimated their losses at €45 million.\n"
             "Port director Jan Smit said the new contract would run until March 2027."),
    'entities': [('place', 'Rotterdam', ['Rotterdam']), ('organization', 'Port Authority', ['Port Authority']),
                 ('person', 'Marieke de Vries', ['Marieke de Vries']), ('organization', 'FNV', ['FNV']),
                 ('person', 'Jan Smit', ['Jan Smit'])],
    'dates': [('nine-day', 'duration', 'P9D'), ('Thursday', 'date', '2025-03-13'), ('March 2027', 'date', '2027-03')],
    'quotes': [('We got what we came for', 'direct', 'Marieke de Vries'),
               ('the new contract would run until March 2027', 'indirect', 'Jan Smit')],
    'figures': [('6%', 'percent', 6, '%'), ('about 120', 'count', 120, None), ('€45 million', 'money', 45000000, 'EUR')],
  },
  {
    'id': 'library-reopens', 'publishedAt': '2024-11-02',
    'text': ("The central library of Porto Alegre reopened on Friday, 18 months after floods damaged its ground floor.\n"
             "Mayor Helena Duarte said the city had spent 12 million reais on repairs. "
             "\"Books are back where they belong,\" she told reporters.\n"
             "Librarians saved roughly 40,000 volumes by carrying them upstairs in May 2023, according to the municipal archive."),
    'entities': [('place', 'Porto Alegre', ['Porto Alegre']), ('person', 'Helena Duarte', ['Helena Duarte'])],
    'dates': [('Friday', 'date', '2024-11-01'), ('18 months', 'duration', 'P18M'), ('May 2023', 'date', '2023-05')],
    'quotes': [('the city had spent 12 million reais on repairs', 'indirect', 'Helena Duarte'),
               ('Books are back where they belong', 'direct', 'Helena Duarte'),
               ('Librarians saved roughly 40,000 volumes by carrying them upstairs in May 2023', 'indirect', None)],
    'figures': [('12 million reais', 'money', 12000000, 'BRL'), ('roughly 40,000', 'count', 40000, None)],
  },
  {
    'id': 'wind-farm', 'publishedAt': '2025-06-30',
    'text': ("Norsk Vind will build a 300-megawatt wind farm off the coast of Stavanger, the company announced on Monday.\n"
             "Chief executive Ola Berg said construction would start in 2026 and cost about 9 billion kroner.\n"
             "\"This is the largest project in our history,\" Berg said. "
             "Environmental groups, including Naturvernforbundet, warned that the turbines could harm seabirds."),
    'entities': [('organization', 'Norsk Vind', ['Norsk Vind']), ('place', 'Stavanger', ['Stavanger']),
                 ('person', 'Ola Berg', ['Ola Berg', ('Berg', 2)]), ('organization', 'Naturvernforbundet', ['Naturvernforbundet'])],
    'dates': [('Monday', 'date', '2025-06-30'), ('2026', 'date', '2026')],
    'quotes': [('construction would start in 2026 and cost about 9 billion kroner', 'indirect', 'Ola Berg'),
               ('This is the largest project in our history', 'direct', 'Ola Berg'),
               ('the turbines could harm seabirds', 'indirect', 'Naturvernforbundet')],
    'figures': [('300-megawatt', 'quantity', 300, 'MW'), ('about 9 billion kroner', 'money', 9000000000, 'NOK')],
  },
]

out = os.path.join(os.path.dirname(__file__), '..', 'data', 'gold-sample')
os.makedirs(out, exist_ok=True)
for a in ARTICLES:
    t = a['text']
    doc = {'id': a['id'], 'publishedAt': a['publishedAt'], 'scores': ['entities', 'dates', 'quotes', 'figures'], 'text': t,
           'entities': [{'name': name, 'type': typ, 'mentions': [find(t, *m) if isinstance(m, tuple) else find(t, m) for m in ms]}
                        for typ, name, ms in a['entities']],
           'dates': [{**find(t, s), 'type': typ, 'value': v} for s, typ, v in a['dates']],
           'quotes': [{**find(t, s), 'kind': k, 'speaker': {'name': sp} if sp else None} for s, k, sp in a['quotes']],
           'figures': [{**find(t, s), 'kind': k, 'value': v, 'unit': u} for s, k, v, u in a['figures']]}
    with open(os.path.join(out, a['id'] + '.json'), 'w') as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write('\n')
