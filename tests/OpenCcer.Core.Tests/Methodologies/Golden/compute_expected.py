#!/usr/bin/env python3
"""Writes the golden inputs (*.input.json) and their expected results (*.expected.json).

The expected values are computed here, independently of the C# calculators, straight from the
equations in docs/methodologies/ and the reference CSV files, using Python's decimal module
(ln/exp/sqrt at 50 digits). Run from this folder: python3 compute_expected.py
"""
import csv, json, calendar, os
from datetime import date
from decimal import Decimal as D, getcontext, ROUND_FLOOR

getcontext().prec = 50
HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.join(HERE, '..', '..', '..', '..', 'reference')

def read_csv(name):
    with open(os.path.join(REF, name), encoding='utf-8') as f:
        return list(csv.DictReader(f))

GRID = read_csv('grid-emission-factors.csv')
FUEL = {r['fuel']: r for r in read_csv('fuel-defaults.csv')}
SPECIES = {r['species']: r for r in read_csv('forest-species.csv')}

def d(s): return date.fromisoformat(s)

def add_months(x, n):
    m = x.month - 1 + n
    y, m = x.year + m // 12, m % 12 + 1
    return date(y, m, min(x.day, calendar.monthrange(y, m)[1]))

def grid_row(grid, year):
    rows = [r for r in GRID if r['grid'] == grid and int(r['year']) <= year]
    return max(rows, key=lambda r: int(r['year']))

def meter_error(p):
    """Fraction e for a period (rule: measured error, or the class maximum when uncalibrated/late)."""
    if 'meter_class' not in p:
        return D(0)
    mpe = D(p['meter_class'].rstrip('Ss'))
    measured = abs(D(str(p['measured_error_percent']))) if p.get('measured_error_percent') is not None else None
    end = d(p['end'])
    cal = d(p['calibration_date']) if p.get('calibration_date') else None
    if cal is None or cal > end or add_months(cal, 12) < end:
        return max(mpe, measured or D(0)) / 100
    return (measured or D(0)) / 100

def floor(x): return int(x.to_integral_value(rounding=ROUND_FLOOR)) if x > 0 else 0

def power(inp, fuel_lines):
    periods = inp['periods'] if inp.get('mode') != 'ex_ante' else [{
        'start': f"{inp['year']}-01-01", 'end': f"{inp['year']}-12-31",
        'export_mwh': inp['expected_annual_export_mwh'], 'import_mwh': inp.get('expected_annual_import_mwh', 0)}]
    values, be, fell_back = {}, D(0), False
    for i, p in enumerate(periods):
        e = meter_error(p)
        ex = D(str(p['export_mwh'])) * (1 - e)
        im = D(str(p['import_mwh'])) * (1 + e)
        ov = inp.get('emission_factor_override')
        year = d(p['start']).year
        if ov and 'combined_margin_tco2_per_mwh' in ov:
            cm = D(str(ov['combined_margin_tco2_per_mwh']))
        elif ov:
            cm = D('0.5') * D(str(ov['om_tco2_per_mwh'])) + D('0.5') * D(str(ov['bm_tco2_per_mwh']))
        else:
            r = grid_row(inp['grid'], year)
            fell_back |= int(r['year']) < year
            cm = D('0.5') * D(r['om_tco2_per_mwh']) + D('0.5') * D(r['bm_tco2_per_mwh'])
            values[f'periods[{i}].factor.row.year'] = int(r['year'])
        values[f'periods[{i}].correction.error_fraction'] = e
        values[f'periods[{i}].export_corrected_mwh'] = ex
        values[f'periods[{i}].import_corrected_mwh'] = im
        values[f'periods[{i}].factor.combined_margin_tco2_per_mwh'] = cm
        values[f'periods[{i}].baseline_tco2'] = (ex - im) * cm
        be += (ex - im) * cm
    pe = D(0)
    for j, f in enumerate(fuel_lines):
        fd = FUEL[f['fuel']]
        e = meter_error(f)
        q = D(str(f['quantity'])) * (1 + e)
        ncv = D(str(f.get('ncv_gj_per_unit', fd['ncv_gj_per_unit'])))
        cc = D(str(f.get('carbon_content_tc_per_gj', fd['carbon_content_tc_per_gj'])))
        of = D(str(f.get('oxidation_factor', fd['oxidation_factor'])))
        em = q * ncv * cc * of * 44 / 12
        values[f'fuel_lines[{j}].quantity_corrected'] = q
        values[f'fuel_lines[{j}].emissions_tco2'] = em
        pe += em
    values['baseline_tco2'] = be
    values['project_emissions_tco2'] = pe
    values['reductions_tco2'] = be - pe
    return values, floor(be - pe), fell_back

T90 = [D(x) for x in '6.314 2.920 2.353 2.132 2.015 1.943 1.895 1.860 1.833 1.812 1.796 1.782 1.771 1.761 1.753 1.746 1.740 1.734 1.729 1.725 1.721 1.717 1.714 1.711 1.708 1.706 1.703 1.701 1.699 1.697'.split()]

def tree_biomass(t):
    s = SPECIES[t['species']]
    dbh, h = D(str(t['dbh_cm'])), D(str(t['height_m']))
    size = D(s['a']) * (dbh.ln() * D(s['b'])).exp() * ((h.ln() * D(s['c'])).exp())
    r = D(s['root_shoot_ratio'])
    if s['equation'] == 'volume':
        return size * D(s['wood_density_t_per_m3']) * D(s['bef']) * (1 + r)
    return size / 1000 * (1 + r)

def stock(trees):
    strata = {}
    for t in trees:
        st = strata.setdefault(t['stratum'], {'area': D(str(t['stratum_area_ha'])), 'plots': {}})
        pl = st['plots'].setdefault(t['plot'], {'area': D(str(t['plot_area_m2'])), 'c': D(0)})
        if t.get('species'):
            cf = D(SPECIES[t['species']]['carbon_fraction'] or '0.47')
            pl['c'] += tree_biomass(t) * cf * 44 / 12
    total, var, dof = D(0), D(0), 0
    for st in strata.values():
        dens = [p['c'] * 10000 / p['area'] for p in st['plots'].values()]
        n = len(dens)
        mean = sum(dens) / n
        total += st['area'] * mean
        if n > 1:
            s2 = sum((x - mean) ** 2 for x in dens) / (n - 1)
            var += st['area'] ** 2 * s2 / n
            dof += n - 1
    return total, var, dof, sum(s['area'] for s in strata.values())

def forest(inp, sediment):
    start = d(inp['previous']['date']) if inp.get('previous') else d(inp['project_start'])
    end = d(inp['current']['date'])
    years = D((end - start).days) / D('365.25')
    cur, var, dof, area = stock(inp['current']['trees'])
    prev = stock(inp['previous']['trees'])[0] if inp.get('previous') else D(0)
    change = cur - prev
    values = {'current_stock.stock_tco2e': cur, 'actual_stock_change_tco2e': change, 'interval_years': years}
    ded = D(0)
    if inp.get('mode') != 'ex_ante':
        hw = T90[dof - 1] * var.sqrt()
        u = hw / cur * 100
        frac = max(D(0), u - 10) / 100
        values['uncertainty.half_width_percent'] = u
        values['uncertainty.deduction_fraction'] = frac
        ded = change * frac if change > 0 else D(0)
        values['uncertainty_deduction_tco2e'] = ded
    sed = D(0)
    if sediment:
        rate = D(str(inp.get('settings', {}).get('sediment_rate_tc_per_ha_year', '1.62')))
        sed = area * rate * years * 44 / 12
        values['sediment.tco2e'] = sed
    net = change - ded + sed - D(str(inp.get('baseline_tco2e', 0))) - D(str(inp.get('leakage_tco2e', 0)))
    values['net_tco2e'] = net
    values['annual_average_tco2e'] = net / years
    return values, floor(net / years if inp.get('mode') == 'ex_ante' else net)

def write(name, code, inp, status, tonnes=None, values=None, error_fields=None, notes_contain=None):
    with open(os.path.join(HERE, name + '.input.json'), 'w', encoding='utf-8') as f:
        json.dump(inp, f, indent=2, ensure_ascii=False); f.write('\n')
    exp = {'methodology': code, 'status': status}
    if tonnes is not None:
        exp['reductions_tonnes'] = tonnes
        exp['values'] = {k: (v if isinstance(v, int) else str(v)) for k, v in values.items()}
    if error_fields:
        exp['error_fields'] = error_fields
    if notes_contain:
        exp['notes_contain'] = notes_contain
    with open(os.path.join(HERE, name + '.expected.json'), 'w', encoding='utf-8') as f:
        json.dump(exp, f, indent=2, ensure_ascii=False); f.write('\n')

exec(open(os.path.join(HERE, 'cases.py'), encoding='utf-8').read())
