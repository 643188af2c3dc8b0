# Golden cases: inputs written by hand; expected values come from compute_expected.py's functions.
OW, ST, AF, MG = 'CCER-01-002-V01', 'CCER-01-001-V01', 'CCER-14-001-V01', 'CCER-14-002-V01'

# --- Offshore wind -------------------------------------------------------------------------------
def ow(name, inp, **kw):
    values, tonnes, fell_back = power(inp, [])
    write(name, OW, inp, 'ok', tonnes, values, notes_contain=['latest earlier year'] if fell_back else None, **kw)

# Shandong Peninsula South No. 3: 803,701 MWh net export, combined margin 0.6186 -> 497,169 t.
ow('offshore-wind-exante-shandong', {
    'mode': 'ex_ante', 'grid': 'North China', 'distance_offshore_km': 35, 'water_depth_m': 28,
    'emission_factor_override': {'combined_margin_tco2_per_mwh': 0.6186},
    'year': 2024, 'expected_annual_export_mwh': 803701, 'expected_annual_import_mwh': 0})

# Three months with the three meter situations: measured error, late calibration, never calibrated.
ow('offshore-wind-meter-corrections', {
    'grid': 'North China', 'distance_offshore_km': 18, 'water_depth_m': 32,
    'crediting_period': {'start': '2021-12-16', 'end': '2031-12-15'},
    'periods': [
        {'start': '2024-01-01', 'end': '2024-01-31', 'export_mwh': 91234.5, 'import_mwh': 120.25,
         'meter_class': '0.2S', 'calibration_date': '2023-06-15', 'measured_error_percent': 0.15},
        {'start': '2024-02-01', 'end': '2024-02-29', 'export_mwh': 80012.0, 'import_mwh': 98.5,
         'meter_class': '0.5S', 'calibration_date': '2022-12-01'},
        {'start': '2024-03-01', 'end': '2024-03-31', 'export_mwh': 75500.75, 'import_mwh': 110.0,
         'meter_class': '0.2S', 'measured_error_percent': -0.3},
    ]})

# South grid, 2023: not published, the 2019 factors apply (and the result says so).
ow('offshore-wind-grid-year-fallback', {
    'grid': 'South', 'distance_offshore_km': 42.5, 'water_depth_m': 25,
    'crediting_period': {'start': '2023-01-01', 'end': '2032-12-31'},
    'periods': [
        {'start': '2023-01-01', 'end': '2023-06-30', 'export_mwh': 612345.678, 'import_mwh': 1234.5,
         'meter_class': '0.2S', 'calibration_date': '2022-09-01'},
        {'start': '2023-07-01', 'end': '2023-12-31', 'export_mwh': 587654.321, 'import_mwh': 987.6,
         'meter_class': '0.2S', 'calibration_date': '2023-08-20', 'measured_error_percent': 0.05},
    ]})

write('offshore-wind-not-applicable', OW, {
    'mode': 'ex_ante', 'grid': 'East China', 'distance_offshore_km': 20, 'water_depth_m': 25,
    'trades_green_certificates': True, 'crediting_period': {'start': '2024-01-01', 'end': '2035-12-31'},
    'year': 2024, 'expected_annual_export_mwh': 500000}, 'not_applicable',
    error_fields=['distance_offshore_km', 'trades_green_certificates', 'crediting_period'])

# --- Solar thermal -------------------------------------------------------------------------------
def st(name, inp):
    fuel = inp.get('fuel', []) if inp.get('mode') != 'ex_ante' else inp.get('expected_annual_fuel', [])
    values, tonnes, fell_back = power(inp, fuel)
    write(name, ST, inp, 'ok', tonnes, values, notes_contain=['latest earlier year'] if fell_back else None)

st('solar-thermal-exante', {
    'mode': 'ex_ante', 'grid': 'Northwest', 'output_metered_separately': True,
    'year': 2025, 'expected_annual_export_mwh': 146250, 'expected_annual_import_mwh': 2150.5,
    'expected_annual_fuel': [
        {'fuel': 'natural_gas', 'quantity': 31.5, 'unit': '10^4 Nm3'},
        {'fuel': 'diesel', 'quantity': 4.2, 'unit': 't'}]})

st('solar-thermal-meter-corrections', {
    'grid': 'Northwest', 'output_metered_separately': True,
    'crediting_period': {'start': '2024-01-01', 'end': '2033-12-31'},
    'emission_factor_override': {'om_tco2_per_mwh': 0.9155, 'bm_tco2_per_mwh': 0.3765},
    'periods': [
        {'start': '2024-01-01', 'end': '2024-03-31', 'export_mwh': 30125.4, 'import_mwh': 812.6,
         'meter_class': '0.2S', 'calibration_date': '2023-11-10', 'measured_error_percent': 0.12},
        {'start': '2024-04-01', 'end': '2024-06-30', 'export_mwh': 41877.9, 'import_mwh': 403.2,
         'meter_class': '0.5', 'calibration_date': '2023-03-01'}],
    'fuel': [
        {'start': '2024-01-01', 'end': '2024-03-31', 'fuel': 'natural_gas', 'quantity': 12.75, 'unit': '10^4 Nm3',
         'meter_class': '1.0', 'calibration_date': '2022-10-01'},
        {'start': '2024-04-01', 'end': '2024-06-30', 'fuel': 'diesel', 'quantity': 1.8, 'unit': 't',
         'meter_class': '0.5', 'calibration_date': '2024-01-05', 'measured_error_percent': 0.4}]})

st('solar-thermal-grid-year-fallback', {
    'grid': 'Northwest', 'output_metered_separately': True,
    'crediting_period': {'start': '2022-06-01', 'end': '2032-05-31'},
    'periods': [
        {'start': '2022-06-01', 'end': '2022-12-31', 'export_mwh': 88456.12, 'import_mwh': 1502.3,
         'meter_class': '0.2S', 'calibration_date': '2022-05-20'}],
    'fuel': [
        {'start': '2022-06-01', 'end': '2022-12-31', 'fuel': 'diesel', 'quantity': 6.35, 'unit': 't',
         'meter_class': '0.5', 'calibration_date': '2022-05-20',
         'ncv_gj_per_unit': 43.1, 'carbon_content_tc_per_gj': 0.0201, 'oxidation_factor': 0.99}]})

# --- Forestry ------------------------------------------------------------------------------------
def plot_trees(stratum, area_ha, plot, plot_m2, species, sizes):
    return [{'stratum': stratum, 'stratum_area_ha': area_ha, 'plot': plot, 'plot_area_m2': plot_m2,
             'species': species, 'dbh_cm': dbh, 'height_m': h} for dbh, h in sizes]

def af(name, inp):
    values, tonnes = forest(inp, sediment=False)
    write(name, AF, inp, 'ok', tonnes, values)

def mg(name, inp):
    values, tonnes = forest(inp, sediment=True)
    write(name, MG, inp, 'ok', tonnes, values)

AF_LAND = {'years_without_forest_before_start': 5, 'tenure_clear': True, 'smallest_parcel_m2': 800,
           'wetland': False, 'clears_existing_trees': False, 'economic_forest': False}

# Uneven plots: the 90% half-width exceeds 10% of the mean, so the stock change is reduced.
af('afforestation-uncertainty-deduction', {
    'project_start': '2019-03-01', 'crediting_period': {'start': '2019-03-01', 'end': '2049-02-28'},
    'land': AF_LAND, 'leakage_tco2e': 12.5,
    'previous': {'date': '2021-03-01', 'trees':
        plot_trees('S1', 120, 'P1', 600, 'chinese_fir', [(4.1, 3.2), (5.0, 3.6), (3.8, 3.0)]) +
        plot_trees('S1', 120, 'P2', 600, 'chinese_fir', [(6.2, 4.1), (5.5, 3.9)]) +
        plot_trees('S1', 120, 'P3', 600, 'chinese_fir', [(3.0, 2.5)]) +
        plot_trees('S2', 80, 'Q1', 400, 'masson_pine', [(4.4, 3.1), (4.9, 3.3)]) +
        plot_trees('S2', 80, 'Q2', 400, 'masson_pine', [(3.6, 2.8)])},
    'current': {'date': '2024-03-01', 'trees':
        plot_trees('S1', 120, 'P1', 600, 'chinese_fir', [(9.4, 7.1), (10.2, 7.8), (8.7, 6.6)]) +
        plot_trees('S1', 120, 'P2', 600, 'chinese_fir', [(12.5, 8.9), (11.8, 8.4), (6.0, 4.5)]) +
        plot_trees('S1', 120, 'P3', 600, 'chinese_fir', [(6.8, 5.2)]) +
        plot_trees('S2', 80, 'Q1', 400, 'masson_pine', [(9.9, 7.0), (10.6, 7.4)]) +
        plot_trees('S2', 80, 'Q2', 400, 'masson_pine', [(7.1, 5.3)])}})

# Even plots: uncertainty under 10%, no deduction; baseline removals subtracted.
af('afforestation-no-deduction', {
    'project_start': '2021-04-01', 'crediting_period': {'start': '2021-04-01', 'end': '2051-03-31'},
    'land': AF_LAND, 'baseline_tco2e': 35.2,
    'current': {'date': '2025-04-01', 'trees':
        plot_trees('A', 250, 'A1', 667, 'broadleaf_mixed', [(8.1, 6.2), (7.9, 6.0), (8.4, 6.5), (8.0, 6.1)]) +
        plot_trees('A', 250, 'A2', 667, 'broadleaf_mixed', [(8.3, 6.3), (7.7, 5.9), (8.2, 6.4), (8.1, 6.2)]) +
        plot_trees('A', 250, 'A3', 667, 'broadleaf_mixed', [(7.8, 6.0), (8.5, 6.6), (8.0, 6.2), (8.2, 6.1)]) +
        plot_trees('B', 90.5, 'B1', 500, 'chinese_fir', [(10.0, 8.0), (10.4, 8.3), (9.8, 7.9)]) +
        plot_trees('B', 90.5, 'B2', 500, 'chinese_fir', [(10.1, 8.1), (9.9, 7.8), (10.3, 8.2)])}})

# Project design: modelled stand at year 10, expected annual removals.
af('afforestation-exante', {
    'mode': 'ex_ante', 'project_start': '2025-01-01', 'land': AF_LAND,
    'current': {'date': '2035-01-01', 'trees':
        plot_trees('Fir', 300, 'M1', 666.7, 'chinese_fir', [(14.0, 11.0)] * 8) +
        plot_trees('Pine', 150, 'M2', 666.7, 'masson_pine', [(13.0, 10.0)] * 7)}})

MG_LAND = {'site': 'retired_aquaculture_pond', 'tenure_proof': True}

mg('mangrove-uncertainty-deduction', {
    'project_start': '2020-05-01', 'crediting_period': {'start': '2020-05-01', 'end': '2050-04-30'},
    'land': MG_LAND, 'baseline_tco2e': 3.0, 'leakage_tco2e': 0,
    'current': {'date': '2024-05-01', 'trees':
        plot_trees('K', 40, 'K1', 100, 'kandelia_obovata', [(4.2, 2.1), (3.9, 2.0), (5.1, 2.4), (4.6, 2.2)]) +
        plot_trees('K', 40, 'K2', 100, 'kandelia_obovata', [(2.8, 1.6), (3.1, 1.7)]) +
        plot_trees('K', 40, 'K3', 100, 'kandelia_obovata', [(6.0, 2.9), (5.5, 2.6), (5.8, 2.8)]) +
        plot_trees('S', 25.5, 'S1', 100, 'sonneratia_apetala', [(9.5, 6.0), (8.7, 5.6)]) +
        plot_trees('S', 25.5, 'S2', 100, 'sonneratia_apetala', [(7.2, 4.8)])}})

mg('mangrove-two-inventories', {
    'project_start': '2018-09-01', 'crediting_period': {'start': '2018-09-01', 'end': '2038-08-31'},
    'land': {'site': 'bare_tidal_flat', 'tenure_proof': True},
    'previous': {'date': '2021-09-01', 'trees':
        plot_trees('R', 60, 'R1', 50, 'rhizophora_stylosa', [(2.5, 1.5), (2.7, 1.6), (2.4, 1.4)]) +
        plot_trees('R', 60, 'R2', 50, 'rhizophora_stylosa', [(2.6, 1.5), (2.5, 1.5), (2.8, 1.6)]) +
        plot_trees('A', 30, 'A1', 50, 'avicennia_marina', [(3.0, 1.8), (3.2, 1.9)]) +
        plot_trees('A', 30, 'A2', 50, 'avicennia_marina', [(3.1, 1.8), (2.9, 1.7)])},
    'current': {'date': '2025-03-01', 'trees':
        plot_trees('R', 60, 'R1', 50, 'rhizophora_stylosa', [(5.1, 2.8), (5.4, 3.0), (4.9, 2.7)]) +
        plot_trees('R', 60, 'R2', 50, 'rhizophora_stylosa', [(5.2, 2.9), (5.0, 2.8), (5.5, 3.0)]) +
        plot_trees('A', 30, 'A1', 50, 'avicennia_marina', [(6.0, 3.1), (6.3, 3.2)]) +
        plot_trees('A', 30, 'A2', 50, 'avicennia_marina', [(6.1, 3.1), (5.8, 3.0)])}})

mg('mangrove-exante', {
    'mode': 'ex_ante', 'project_start': '2025-06-01', 'land': MG_LAND,
    'settings': {'sediment_rate_tc_per_ha_year': 1.2},
    'current': {'date': '2045-06-01', 'trees':
        plot_trees('K', 100, 'M1', 100, 'kandelia_obovata', [(8.0, 4.0)] * 12)}})

write('mangrove-not-applicable', MG, {
    'project_start': '2020-05-01', 'crediting_period': {'start': '2020-05-01', 'end': '2030-04-30'},
    'land': {'site': 'other', 'tenure_proof': False},
    'current': {'date': '2024-05-01', 'trees':
        plot_trees('K', 40, 'K1', 100, 'chinese_fir', [(4.2, 2.1)]) +
        plot_trees('K', 40, 'K2', 100, 'kandelia_obovata', [(2.8, 1.6)])}}, 'not_applicable',
    error_fields=['land.site', 'land.tenure_proof', 'current.trees[0].species', 'crediting_period'])
