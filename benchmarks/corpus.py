#!/usr/bin/env python3
"""A synthetic national corpus of cluster plans, for benchmarks.

    python benchmarks/corpus.py OUTDIR [--clusters 60] [--years 10] [--first-year 2013] [--seed N]

writes OUTDIR/clusters/: the real registry (vocabularies.yaml and every board.yaml and
cluster.yaml, copied byte for byte from this repository's clusters/) and, for each cluster,
consecutive plan years (2013-14 .. 2022-23 by default). Each plan has a plan.yaml of realistic
size (about 15 activities with every column filled, key actions, finance that adds up,
workforce tables and roles, key facts, risks, members; the Swansea Bay format adds a plan on a
page, action plan and SWOT) and about 2,000 words of prose split over the standard section files.

Activities keep stable ids from year to year; each year some are added, dropped, renamed and
re-budgeted, and their statuses move on, so the corpus also serves diff and history benchmarks.
A share of figures is to be confirmed, a few terms use known spelling variants and a few plans
carry an acknowledged misprint of their source, so validation gives warnings but no errors.

The output depends only on the arguments (seeded per cluster: stdlib random + pyyaml only).
Importable: ``from corpus import generate; generate(outdir, clusters=60, years=10)``.

With --clusters below 60 the clusters are taken round-robin over the boards (so small corpora
still cover every board); above 60, synthetic clusters are added to the boards in turn.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
REGISTRY = REPO / "clusters"
DEFAULT_OUTDIR = Path(__file__).resolve().parent / "corpus"
MARKER = "corpus.json"
FORMAT_VERSION = 1  # bump when the generated content changes, so benchmarks regenerate
DEFAULT_SEED = 2013

# Swansea Bay plans follow the richer format (plan on a page, SWOT, goals/methods/outcomes).
RICH_FORMAT_BOARDS = {"swansea-bay"}

# --------------------------------------------------------------------------------------------
# Controlled vocabulary (canonical terms are read from vocabularies.yaml; these are the plans'
# own wordings and the variants they sometimes use).
# --------------------------------------------------------------------------------------------

MIN = {  # short keys for the ministerial priorities
    "AHW": "A Healthier Wales", "POP": "Population health", "COV": "Covid response",
    "REC": "NHS recovery", "MH": "Mental health and emotional wellbeing",
    "WF": "Supporting the health and care workforce", "FIN": "NHS finance and managing within resources",
    "SC": "Working alongside social care",
}
SPPC = {"ACD": "Accelerated Cluster Development", "UPC": "Urgent Primary Care",
        "CI": "Community Infrastructure", "MWB": "Mental Well-being"}
MIN_VARIANTS = {"A Healthier Wales": ["Healthier Wales"], "Covid response": ["Covid-19 response"],
                "Mental health and emotional wellbeing": ["Mental health & emotional wellbeing"],
                "Working alongside social care": ["Working alongside Social Care"]}
SPPC_VARIANTS = {"Accelerated Cluster Development": ["ACD"], "Mental Well-being": ["Mental wellbeing"]}
FUNDING = ["Cluster funding", "Health board core funding", "Welsh Government", "Transformation funding",
           "Pacesetter funding", "Primary Care Development funding", "Third sector"]
FUNDING_VARIANTS = {"Cluster funding": ["Cluster funds", "Cluster budget"],
                    "Health board core funding": ["Core funded", "Health board funded"],
                    "Welsh Government": ["WG"]}
STATUS_VARIANTS = {"planned": ["not started", "proposed"], "started": ["in progress", "commenced"],
                   "ongoing": ["on-going", "continuing"], "delayed": ["on hold", "started but delayed"],
                   "completed": ["complete", "achieved"], "stopped": ["ceased", "discontinued"]}
STATUS_DETAIL = {
    "planned": ["Not started", "Planned for Q2", "Awaiting recruitment", "Business case submitted",
                "Planned - subject to funding"],
    "started": ["Started", "In progress", "Commenced in Q1", "Recruitment under way", "Pilot under way"],
    "ongoing": ["Ongoing", "On-going", "Continuing", "Expansion on existing service", "Embedded and ongoing"],
    "delayed": ["Started but delayed", "Delayed - recruitment", "On hold due to estates", "Paused during Covid",
                "Delayed awaiting IT solution"],
    "completed": ["Completed", "Complete", "Achieved", "Completed - evaluation shared with board"],
    "stopped": ["Stopped", "Ceased - no applicants", "Discontinued after evaluation", "Funding withdrawn"],
}

# --------------------------------------------------------------------------------------------
# Activity catalogue: what clusters across Wales actually fund.
# (id, title, [renamed titles], description, [results], [ministerial], [sppc], (budget lo, hi),
#  [swansea bay priority indexes], default funding)
# --------------------------------------------------------------------------------------------

ACTIVITIES = [
    ("social-prescribing", "Social prescribing", ["Social prescribing and community connectors"],
     "Link workers connect patients with non-medical needs to community groups, advice services and activities.",
     ["Fewer repeat GP consultations for social and welfare issues", "Patients supported to manage loneliness and isolation",
      "Referral pathway used by all practices"], ["AHW", "MH", "SC"], ["MWB", "CI"], (18000, 65000), [3, 5], "Cluster funding"),
    ("first-contact-physiotherapy", "First contact physiotherapy", ["First contact practitioner - MSK"],
     "Advanced physiotherapists see patients with musculoskeletal problems as the first point of contact in practices.",
     ["Patients with MSK conditions seen within five working days", "Reduction in GP appointments for MSK problems",
      "Fewer onward referrals to orthopaedics"], ["REC", "WF"], ["UPC"], (30000, 90000), [1, 9], "Cluster funding"),
    ("audiology", "Audiology", ["Primary care audiology service"],
     "Direct-access audiology for hearing loss, tinnitus and ear wax problems delivered in the community.",
     ["Patients self-refer for hearing and tinnitus assessment", "Saves GP appointment time",
      "Local ear wax removal clinics established"], ["AHW", "REC"], ["CI"], (6000, 40000), [9], "Health board core funding"),
    ("phlebotomy", "Phlebotomy", ["Community phlebotomy hub"],
     "A cluster phlebotomy service so that blood tests are taken locally without a hospital visit.",
     ["Continuation of service for patients", "Reduced waits for blood tests", "Fewer hospital outpatient visits"],
     ["REC"], ["CI"], (15000, 80000), [1, 9], "Cluster funding"),
    ("advanced-nurse-practitioner-care-homes", "Advanced nurse practitioner for care homes", ["Care home ANP service"],
     "An advanced nurse practitioner supports residents of local care homes with acute and anticipatory care.",
     ["Fewer unplanned admissions from care homes", "Advance care plans in place for residents",
      "Reduced GP home visits to care homes"], ["SC", "REC"], ["UPC", "ACD"], (45000, 70000), [0, 2], "Cluster funding"),
    ("clinical-pharmacist", "Cluster clinical pharmacist", ["Practice-based pharmacist team"],
     "Clinical pharmacists undertake medication reviews, manage repeat prescribing and support chronic disease clinics.",
     ["Polypharmacy reviews for patients on ten or more medicines", "Reduced prescribing costs",
      "GP time released for complex patients"], ["FIN", "WF"], ["ACD"], (40000, 95000), [7, 9], "Cluster funding"),
    ("mental-health-practitioner", "Primary care mental health practitioner", ["Mental health and wellbeing practitioner"],
     "A mental health practitioner offers first contact assessments for patients with low to moderate mental health needs.",
     ["Timely access for patients with low mood and anxiety", "Fewer referrals to secondary mental health services",
      "Less reliance on medication"], ["MH"], ["MWB"], (35000, 60000), [5], "Transformation funding"),
    ("frail-and-vulnerable-service", "Frail and vulnerable service", ["Frailty multidisciplinary team"],
     "A multidisciplinary team proactively supports frail and vulnerable patients at home and in care homes.",
     ["Frailty register maintained in every practice", "Fewer falls-related admissions", "Care closer to home"],
     ["SC", "AHW", "POP"], ["ACD", "CI"], (40000, 120000), [0, 9], "Cluster funding"),
    ("chronic-conditions-nurse", "Chronic conditions nurse", ["Chronic disease recovery nurse"],
     "A specialist nurse works across practices to clear the backlog of chronic disease reviews.",
     ["Backlog of diabetes and COPD reviews reduced", "QOF indicators recovered to pre-pandemic levels",
      "Housebound patients reviewed at home"], ["REC", "POP"], ["ACD"], (38000, 55000), [1, 3], "Cluster funding"),
    ("diabetes-education", "Diabetes education and prevention", ["Diabetes prevention programme"],
     "Structured education for people newly diagnosed with type 2 diabetes and those at risk.",
     ["More patients attend structured education", "Improved HbA1c control", "Pre-diabetes register in each practice"],
     ["POP", "AHW"], ["CI"], (8000, 30000), [3], "Cluster funding"),
    ("smoking-cessation", "Smoking cessation", ["Help Me Quit in primary care"],
     "Practices and community pharmacies refer smokers to Help Me Quit and offer brief interventions.",
     ["Increase in referrals to smoking cessation services", "More four-week quits recorded"],
     ["POP"], ["CI"], (3000, 15000), [3], "Health board core funding"),
    ("atrial-fibrillation-screening", "Atrial fibrillation detection", ["AF detection and anticoagulation"],
     "Opportunistic pulse checks and mobile ECG devices to find undiagnosed atrial fibrillation.",
     ["More patients with AF identified and anticoagulated", "Fewer AF-related strokes"],
     ["POP", "REC"], ["CI"], (4000, 18000), [3, 2], "Cluster funding"),
    ("hypertension-pathway", "Stroke and hypertension pathway", ["Blood pressure optimisation"],
     "Home blood pressure monitoring and a shared pathway to bring hypertension under control.",
     ["Increase in patients treated to target", "Loan blood pressure monitors available in each practice"],
     ["POP"], ["CI"], (5000, 20000), [3], "Cluster funding"),
    ("cluster-support-officer", "Cluster support officer", ["Cluster development and support officer"],
     "Administrative and project support for the cluster lead and cluster projects.",
     ["Effective administrative support for the cluster", "Cluster meetings minuted and actions tracked",
      "Timely data collection for cluster projects"], ["WF", "FIN"], ["ACD"], (9000, 32000), [7], "Cluster funding"),
    ("business-implementation-manager", "Business implementation and development manager", ["Cluster programme manager"],
     "Project leadership for implementing, monitoring and evaluating the cluster plan.",
     ["Projects monitored and evaluated", "Robust needs assessment informs the plan", "Cluster IMTP delivered"],
     ["FIN", "WF"], ["ACD"], (25000, 48000), [7], "Cluster funding"),
    ("digital-triage", "Digital access and triage", ["Online consultation and triage"],
     "Online consultation and telephone triage systems to balance face-to-face and remote care.",
     ["Patients can contact their practice online", "Same-day demand triaged to the right professional"],
     ["REC", "WF"], ["UPC"], (6000, 30000), [8], "Cluster funding"),
    ("cluster-hub", "Cluster hub", ["Community health and wellbeing hub"],
     "A shared building where multidisciplinary staff and new cluster services can be based.",
     ["Space for MDT working and new services", "Services delivered closer to home"],
     ["AHW", "SC"], ["CI"], (20000, 150000), [9], "Welsh Government"),
    ("long-covid-support", "Long Covid support", ["Post-Covid recovery service"],
     "A multidisciplinary rehabilitation offer for people living with long-term effects of Covid-19.",
     ["Patients with long Covid supported to return to work", "Single point of access for post-Covid care"],
     ["COV", "REC"], ["CI"], (10000, 45000), [6], "Welsh Government"),
    ("covid-vaccination", "Covid vaccination programme", ["Covid booster programme"],
     "Practices work as a cluster to plan and deliver Covid-19 vaccination to eligible populations.",
     ["High uptake in eligible cohorts", "Housebound patients vaccinated at home"],
     ["COV"], ["UPC"], (5000, 25000), [6], "Welsh Government"),
    ("flu-programme", "Enhanced flu programme", ["Flu immunisation programme"],
     "A cluster-wide approach to flu vaccination, with community pharmacy and outreach clinics.",
     ["Increased uptake among people aged 65 and over", "Increased uptake in at-risk groups under 65"],
     ["POP", "COV"], ["CI"], (3000, 14000), [3, 6], "Health board core funding"),
    ("occupational-therapy", "Occupational therapy in primary care", ["Early intervention occupational therapy"],
     "An occupational therapist supports people who are frail, at risk of falls or struggling with daily living.",
     ["Fewer avoidable primary care consultations", "People helped to stay independent at home"],
     ["SC", "AHW"], ["CI"], (30000, 65000), [9, 0], "Cluster funding"),
    ("paediatric-wellbeing", "Parenting and child wellbeing support", ["Paediatric occupational therapy"],
     "Advice and support for parents concerned about their child's development, behaviour or sleep.",
     ["Earlier support for families", "Referral pathway for GPs and health visitors", "Better links with schools"],
     ["MH", "POP"], ["MWB"], (4000, 20000), [4], "Cluster funding"),
    ("counselling-service", "Counselling service", ["Practice-based counselling"],
     "Short-term counselling for adults with low to moderate mental health needs, delivered in practices.",
     ["Counselling offered within four weeks of referral", "Improved wellbeing scores"],
     ["MH"], ["MWB"], (15000, 40000), [5], "Cluster funding"),
    ("dementia-support", "Dementia support worker", ["Dementia friendly cluster"],
     "A dementia support worker helps people living with dementia and their carers after diagnosis.",
     ["Carers supported after diagnosis", "Practices accredited as dementia friendly"],
     ["SC", "MH"], ["MWB", "CI"], (15000, 35000), [5, 9], "Third sector"),
    ("carers-support", "Carers support", ["Carers champion network"],
     "Identification of unpaid carers in every practice with referral to local carers' services.",
     ["More carers identified on practice registers", "Carers offered a health check"],
     ["SC"], ["CI"], (2000, 12000), [9], "Third sector"),
    ("advanced-paramedic-practitioner", "Advanced paramedic practitioner", ["Paramedic home visiting service"],
     "Advanced paramedics carry out same-day home visits on behalf of practices.",
     ["Same-day home visits within two hours", "GP time released", "Fewer conveyances to the emergency department"],
     ["REC", "WF"], ["UPC"], (40000, 85000), [0], "Cluster funding"),
    ("health-care-support-worker", "Healthcare support worker role", ["HCA development programme"],
     "Healthcare support workers provide phlebotomy, health checks and chronic disease monitoring across practices.",
     ["Essential services provided across the cluster", "Career pathway for support staff"],
     ["WF"], ["ACD"], (18000, 45000), [9], "Cluster funding"),
    ("practice-nurse-education", "Practice nurse education programme", ["Nurse training and mentoring scheme"],
     "Training for new practice nurses so that skills are passed on before experienced nurses retire.",
     ["New practice nurses trained in chronic disease management", "Succession plan for the nursing workforce"],
     ["WF"], ["ACD"], (6000, 25000), [7], "Primary Care Development funding"),
    ("weight-management", "Weight management", ["Healthy weight pathway"],
     "A level 2 weight management programme delivered with leisure services.",
     ["Patients referred achieve 5% weight loss", "Referral route agreed with leisure services"],
     ["POP"], ["CI"], (5000, 25000), [3], "Cluster funding"),
    ("point-of-care-testing", "CRP point of care testing", ["Point of care testing"],
     "C-reactive protein testing in practices to support antimicrobial stewardship.",
     ["Fewer antibiotic prescriptions for respiratory infections", "Testing available in every practice"],
     ["POP", "FIN"], ["UPC"], (3000, 9000), [7], "Cluster funding"),
    ("clinical-summarisers", "Clinical summarisers", ["Records summarising team"],
     "Trained summarisers keep patient records up to date so that clinicians have accurate histories.",
     ["Summarising backlog cleared", "Accurate coded records for new registrations"],
     ["WF", "FIN"], ["ACD"], (15000, 42000), [7, 8], "Cluster funding"),
    ("it-support-contract", "IT support contract", ["Clinical system support"],
     "Support contract for the shared clinical system and cluster data tools.",
     ["Cluster data available for planning", "Shared system supported"],
     ["FIN"], ["ACD"], (2000, 6000), [8], "Cluster funding"),
    ("respiratory-service", "Community respiratory service", ["COPD and asthma reviews"],
     "Spirometry and respiratory reviews delivered in the community by a specialist team.",
     ["Spirometry backlog reduced", "Inhaler technique checked at every review", "Fewer exacerbations"],
     ["POP", "REC"], ["CI"], (10000, 40000), [1, 3], "Cluster funding"),
    ("wellbeing-walks", "Community wellbeing activities", ["Wellbeing walks and green health"],
     "Walking groups and green health activities run with the voluntary sector.",
     ["More people active in their community", "Reduced social isolation"],
     ["AHW", "MH"], ["MWB"], (1500, 8000), [3, 5], "Third sector"),
    ("green-health", "Green health and carbon footprint", ["Decarbonisation in primary care"],
     "Practices reduce their carbon footprint through virtual meetings, inhaler choices and energy savings.",
     ["Lower-carbon inhalers prescribed", "Cluster meetings held online"],
     ["AHW", "FIN"], ["CI"], (1000, 6000), [3], "Cluster funding"),
    ("housebound-reviews", "Housebound patient reviews", ["Domiciliary chronic disease reviews"],
     "Home reviews for housebound patients with long-term conditions.",
     ["Every housebound patient reviewed once a year", "Medicines reviewed at home"],
     ["SC", "REC"], ["CI"], (12000, 35000), [0, 9], "Cluster funding"),
    ("dietitian", "Primary care dietitian", ["Dietetic advice in practices"],
     "A dietitian offers advice on nutrition, weight and diabetes in primary care.",
     ["Fewer referrals to hospital dietetics", "Faster access to dietetic advice"],
     ["POP"], ["CI"], (10000, 30000), [3], "Cluster funding"),
    ("specialist-health-visitor", "Specialist health visitor", ["Child and family health visiting"],
     "A specialist health visitor works with the child and family team across the cluster.",
     ["Integrated assessments for vulnerable families", "Better communication between health and social services"],
     ["POP", "SC"], ["CI"], (12000, 48000), [4], "Cluster funding"),
    ("cluster-pharmacy-collaboration", "Collaborative working with community pharmacy", ["Pharmacy first collaboration"],
     "Practices and community pharmacies share minor illness and common ailments work.",
     ["More patients use the common ailments service", "Fewer GP appointments for minor illness"],
     ["REC", "WF"], ["UPC", "ACD"], (2000, 12000), [0, 9], "Health board core funding"),
    ("urgent-primary-care-link", "Urgent primary care centre link", ["Same-day urgent care pathway"],
     "A pathway for patients with single urgent conditions to be seen at the urgent primary care centre.",
     ["Same-day capacity released in practices", "Fewer avoidable emergency department attendances"],
     ["REC"], ["UPC"], (5000, 30000), [0], "Welsh Government"),
    ("advance-care-planning", "Advance care planning", ["Future care planning"],
     "Practices work together so that patients nearing the end of life have advance care plans.",
     ["Advance care plans in place for patients on palliative registers", "More deaths in the preferred place"],
     ["SC", "AHW"], ["CI"], (3000, 15000), [2], "Cluster funding"),
    ("cancer-screening-uptake", "Cancer screening uptake", ["Screening engagement project"],
     "Outreach to improve uptake of bowel, breast and cervical screening in low-uptake areas.",
     ["Increased bowel screening uptake", "Targeted contact with non-responders"],
     ["POP"], ["CI"], (4000, 16000), [2, 3], "Cluster funding"),
    ("learning-disability-health-checks", "Learning disability health checks", ["Annual health checks for people with a learning disability"],
     "Annual health checks for people with a learning disability, with easy-read invitations.",
     ["More people with a learning disability have an annual health check", "Health action plans agreed"],
     ["POP", "MH"], ["MWB"], (3000, 12000), [5], "Health board core funding"),
    ("welfare-advice", "Welfare and debt advice", ["Cost of living advice service"],
     "Advice sessions on benefits, debt and housing held in practices with the citizens advice service.",
     ["Patients helped to claim benefits", "Reduced stress-related consultations"],
     ["POP", "MH"], ["MWB", "CI"], (5000, 20000), [3], "Third sector"),
    ("leadership-development", "Cluster leadership development", ["Accelerated cluster development sessions"],
     "Protected time and facilitation for the cluster to mature its collaborative and planning role.",
     ["Professional collaboratives established", "Cluster governance agreed with partners"],
     ["WF", "AHW"], ["ACD"], (4000, 20000), [7], "Primary Care Development funding"),
    ("patient-engagement", "Patient engagement", ["Community listening events"],
     "Surveys and listening events to hear what patients and residents want from local services.",
     ["Patient views inform the cluster plan", "Patient satisfaction questionnaire repeated yearly"],
     ["AHW"], ["CI"], (1000, 6000), [7], "Cluster funding"),
    ("substance-misuse", "Substance misuse shared care", ["Drug and alcohol shared care"],
     "Shared care with the community drug and alcohol team for patients on substitute prescribing.",
     ["Patients stabilised and supported in primary care", "Fewer missed appointments"],
     ["MH", "POP"], ["MWB"], (6000, 25000), [5], "Health board core funding"),
    ("eye-care-pathway", "Eye care pathway", ["Optometry first contact"],
     "Patients with eye problems are directed to community optometrists rather than their GP.",
     ["Eye problems managed by optometrists", "Fewer GP consultations for eye conditions"],
     ["REC"], ["UPC"], (1000, 8000), [1], "Health board core funding"),
    ("dental-access", "Dental access", ["Urgent dental access sessions"],
     "Additional urgent dental sessions for patients without a regular dentist.",
     ["More urgent dental appointments available", "Fewer dental problems presenting to GPs"],
     ["REC", "POP"], ["UPC"], (5000, 25000), [1], "Health board core funding"),
    ("minor-surgery", "Cluster minor surgery service", ["Shared minor operations clinic"],
     "Practices share a minor surgery clinic so that patients are treated locally.",
     ["Minor operations done in the community", "Fewer dermatology referrals"],
     ["REC", "FIN"], ["CI"], (5000, 30000), [1], "Cluster funding"),
    ("menopause-clinic", "Menopause clinic", ["Women's health hub"],
     "A cluster menopause and women's health clinic run by a GP with extended skills.",
     ["Faster access to menopause advice", "Fewer gynaecology referrals"],
     ["POP", "REC"], ["CI"], (6000, 24000), [4, 1], "Cluster funding"),
]

KEY_ACTION_THEMES = {
    "Primary Care Sustainability": [
        "Impact post pandemic on individual practices", "Models of care to address increase of demand",
        "Creation of a workforce that supplements core GMS work", "Retention of staff: both clinical and administrative",
        "Rising energy costs and building maintenance", "Support for practices at risk of handing back their contract"],
    "Accelerated Cluster Development": [
        "Design, develop and deliver cluster based programmes of work",
        "Expand the maturity of the cluster into a cohesive group representing the wider primary care community",
        "Establish professional collaboratives for pharmacy, dental, optometry and nursing",
        "Agree cluster governance with the Regional Partnership Board"],
    "Primary Care Access": [
        "Digital access and triage services", "Phlebotomy services", "Continued recovery of routine services",
        "Balance face-to-face and remote consultations", "Links with the Urgent Primary Care Centre"],
    "Service Development": [
        "Frail and vulnerable service working with the wider MDT", "Low level mental health support across the cluster",
        "First contact physiotherapy for MSK problems", "Audiology clinics in the community",
        "Collaborative working with community pharmacy and the third sector"],
    "Continuation of Health Board Programmes": [
        "Key pathways", "Stroke and hypertension pathway", "Smoking cessation", "Immunisations",
        "Flu programme", "Diabetes", "Green health and carbon footprint"],
    "Enablers - Estates/IT": [
        "Local housing development", "Lack of space in primary care to support the move of workforce",
        "Shared clinical system and data tools", "Business case for a cluster hub"],
    "Continued Recovery": [
        "Catching up on disease management reviews", "Flu and Covid booster programmes", "Winter pressures",
        "Hospital recovery plan and waiting list support"],
    "Prevention and Wellbeing": [
        "Social prescribing", "Healthy weight", "Screening uptake in low-uptake areas", "Welfare and debt advice"],
}

# --------------------------------------------------------------------------------------------
# Words for prose and names. Lead names are made up from common first names and surnames.
# --------------------------------------------------------------------------------------------

FIRST_NAMES = ["Angharad", "Rhian", "Gareth", "Sian", "Dafydd", "Catrin", "Owain", "Eleri", "Huw", "Bethan",
               "Rhodri", "Ffion", "Emyr", "Nia", "Alun", "Mared", "Iwan", "Lowri", "Geraint", "Carys",
               "Sarah", "James", "Helen", "Richard", "Claire", "Andrew", "Rachel", "Mark", "Joanne", "David",
               "Priya", "Omar", "Aisha", "Tomasz", "Mei", "Kofi"]
SURNAMES = ["Pritchard", "Vaughan", "Lloyd", "Prosser", "Bowen", "Gwilym", "Meredith", "Parry", "Powell",
            "Probert", "Rees", "Howells", "Maddocks", "Tudor", "Cadwgan", "Bevan", "Griffiths", "Harries",
            "Llewellyn", "Morgan", "Nash", "Ashworth", "Kendrick", "Fairweather", "Holloway", "Whitfield",
            "Okafor", "Malik", "Nowak", "Chen", "Sandhu", "Mensah"]
LEAD_TITLES = ["Dr", "Dr", "Dr", "Dr", ""]
LEAD_ROLES = ["Cluster Lead", "Cluster Lead", "Cluster Clinical Lead", "Cluster Chair"]
SECOND_ROLES = ["Cluster Development Manager", "Locality Manager", "Cluster Support Officer",
                "Business Implementation and Development Manager"]
PRACTICE_WORDS = ["Bryn", "Glan", "Maes", "Pen-y-bont", "Tan-y-graig", "Heol", "Castle", "Station Road", "Riverside",
                  "Park View", "Hillside", "Church Street", "Victoria", "Llys", "Meadowbank", "Oak Tree", "Bridge",
                  "Quay", "Market Street", "Cefn", "Ty Gwyn", "Willow", "Valley", "High Street", "Abbey", "Mill"]
PRACTICE_KINDS = ["Surgery", "Medical Centre", "Health Centre", "Medical Practice", "Family Practice"]

ROLES = ["advanced nurse practitioner", "advanced paramedic practitioner", "first contact physiotherapist",
         "clinical pharmacist", "social prescriber", "community connector", "mental health practitioner",
         "occupational therapist", "audiologist", "phlebotomist", "healthcare support worker", "care coordinator",
         "dietitian", "health visitor", "frailty nurse", "chronic conditions nurse", "wellbeing coordinator",
         "practice-based counsellor", "pharmacy technician", "physician associate"]
CONDITIONS = ["diabetes", "COPD", "asthma", "atrial fibrillation", "hypertension", "heart failure",
              "chronic kidney disease", "dementia", "frailty", "low mood and anxiety", "musculoskeletal conditions",
              "obesity", "hearing loss", "long Covid", "chronic pain", "osteoporosis"]
PARTNERS = ["community pharmacies", "general dental practices", "optometry practices", "district nursing teams",
            "the Community Resource Team", "local authority social services", "the county voluntary council",
            "third sector organisations", "the Local Medical Committee", "secondary care colleagues",
            "the Welsh Ambulance Services NHS Trust", "housing associations", "local schools",
            "Public Health Wales", "the Regional Partnership Board", "the local leisure trust",
            "the citizens advice service", "the community mental health team"]
SERVICES = ["the Urgent Primary Care Centre", "the common ailments service", "the falls service",
            "Help Me Quit", "the memory assessment service", "the diabetes specialist nursing team",
            "the community drug and alcohol team", "the palliative care team", "the out-of-hours service",
            "the sexual health service", "the community dental service", "the Eye Health Examination Wales scheme"]
DIGITAL = ["online consultations", "video consultations", "telephone triage", "the shared clinical system",
           "text messaging for recalls", "the cluster dashboard", "Microsoft Teams for cluster meetings",
           "electronic prescribing"]
PRESSURES = ["an ageing population", "large new housing developments", "the cost of living crisis",
             "longer hospital waiting lists", "more people living alone", "the closure of a neighbouring practice",
             "seasonal visitors in the summer months", "rising levels of obesity"]
PROBLEMS = ["recruitment of salaried GPs", "retention of practice nurses", "locum availability",
            "the lack of clinical space", "delays in the IT roll-out", "rising demand for same-day appointments",
            "staff sickness", "short-term funding", "waiting lists in secondary care", "the cost of living",
            "energy and building costs", "pressure on social care", "long waits for an ambulance",
            "the ageing of the workforce", "large new housing developments"]
SOURCES = ["Public Health Wales Primary Care Cluster Profile", "ONS mid-year population estimates",
           "Welsh Index of Multiple Deprivation 2019", "practice disease registers", "the Population Needs Assessment",
           "the Local Wellbeing Assessment", "National Survey for Wales", "Quality Assurance and Improvement Framework data",
           "Cancer screening uptake data", "Stats Wales"]

SECTION_HEADINGS = {
    "executive-summary": ["Cluster Executive Summary", "Executive summary", "Introduction from the cluster lead"],
    "forward-look": ["Looking forward", "Forward look", "Our ambitions for the next three years"],
    "vision-and-values": ["Our vision and values", "Cluster vision"],
    "strategic-background": ["Strategic context", "Strategic background"],
    "needs": ["Population needs", "Our population and its needs", "Locality key facts and needs highlights"],
    "achievements": ["Key achievements/successes related to the {prev} Cluster Plan", "Achievements in {prev}",
                     "What we achieved last year"],
    "difficulties": ["Key reflections / challenges related to the {prev} Cluster Plan", "Difficulties in {prev}",
                     "What did not go to plan"],
    "challenges": ["Challenges for {cur}", "Potential challenges", "Emerging challenges for the year ahead"],
    "development": ["How we developed this plan", "Developing the plan"],
    "enablers": ["Enablers", "Enablers - Estates and IT"],
    "workforce": ["Workforce", "Cluster workforce profile"],
    "finance": ["Finance", "Cluster financial profile"],
    "governance": ["Governance and members", "Cluster governance"],
    "community-assets": ["Community assets", "Assets in our community"],
}

# Sentence templates by section; {slots} are filled from the pools above and the plan's facts.
SENTENCES = {
    "intro": [
        "This is the {cluster} Cluster IMTP for {cur}, setting out the key objectives and activities for our area.",
        "The plan is a live document that is reviewed at every cluster meeting and amended as the needs of our population change.",
        "{cluster} cluster brings together {practices} GP practices, {pharmacies} community pharmacies, {dental} dental practices and {optometry} optometry practices serving around {population} people.",
        "Our cluster has moved away from being a GP-only forum and is becoming a multi-organisational locality serving our population.",
        "We now have multidisciplinary working embedded, with close collaboration between primary care, community services, social care and {partner}.",
        "As a cluster we have listened to what patients and residents have told us, and we continue to focus on providing improved access.",
        "Our multidisciplinary colleagues, including the {role} and the {role2}, allow us to offer services over and above what practices deliver through GMS.",
        "The main areas that have slowed our progress have been sustainability, IT systems and estates.",
        "Of particular focus this year is the care of frail and vulnerable patients in the community, including through advance care planning.",
        "We continue to meet monthly, and practice managers now share rotas, policies and training across the cluster.",
        "Having achieved some unity and stability over the past two to three years, we will further develop collaborative working with {partner}.",
        "The cluster allocation for {cur} is {allocation}, and this plan sets out how it will be invested.",
        "Our goal is to mature as a primary care cluster, taking on an ever-increasing responsibility to design, develop and deliver services for our community.",
        "Many challenges lie ahead, but with strong foundations and a good track record we are confident we will succeed.",
        "The cluster is faced with significant demand arising from {pressure}, and we are developing short, intermediate and long-term plans in response.",
        "Demand on practices continues to grow, driven by {pressure} and by more people living with {condition}.",
        "Practices in the cluster range from single-handed rural surgeries to large town-centre practices with more than {big} registered patients.",
        "We have worked closely with {partner} this year, and this has strengthened our ability to support people with {condition}.",
        "The cluster has a strong identity and a culture of mutual support and respect, which gives us resilience.",
        "Cluster funding has allowed us to test new roles, and the {role} is now an established part of the practice team.",
        "We are proud that {activity} is now available to patients registered at every practice in the cluster.",
        "Our priorities for {cur} reflect the needs identified in the cluster profile and what our practices see every day.",
        "We will measure the impact of our work on our local population and report progress to the health board every quarter.",
        "Access remains the issue patients raise with us most often, and improving it is a key objective for the year.",
        "We will continue to refine and balance the use of remote and face-to-face consultations.",
        "The plan also reflects the priorities of the Regional Partnership Board and the {board} primary care strategy.",
        "I would like to thank practice staff, our partners and the cluster support team for their hard work over the last year.",
        "Our community pharmacies now provide a growing share of minor illness care through the common ailments service.",
        "We want people to be supported to stay well at home, and to get help early when they need it.",
        "We will continue to work with {partner} and {partner2} so that people are seen by the right professional, at the right time and in the right place.",
        "This year the cluster will invest in {activity}, {activity2} and {activity3}.",
        "Patient feedback from our satisfaction questionnaire shows that {percent}% of respondents rated their experience as good or very good.",
    ],
    "needs": [
        "The cluster population is around {population}, and {percent}% of residents are aged 65 and over.",
        "Prevalence of {condition} in the cluster is above the Wales average.",
        "{lsoas} of the cluster's small areas are among the most deprived 20% in Wales.",
        "Smoking prevalence remains around {smoking}%, higher than the health board average.",
        "Around {percent}% of adults report being overweight or obese.",
        "The number of people living with two or more long-term conditions continues to rise as the population ages.",
        "Uptake of bowel screening is {screening}%, below the national target of 60%.",
        "Demand for mental health support, particularly for {condition2}, has risen since the pandemic.",
        "A large new housing development is expected to add about {houses} homes to the area over the next five years.",
        "Rural parts of the cluster have limited public transport, which makes travelling to hospital appointments difficult.",
        "The proportion of Welsh speakers in the cluster is {welsh}%, and we aim to offer services in Welsh wherever we can.",
        "Emergency admissions for {condition} are higher than in neighbouring clusters.",
        "Unpaid carers make up around one in ten of the adult population.",
        "Childhood immunisation uptake is good, but uptake of the {vaccine} vaccine has fallen.",
    ],
    "achievement": [
        "Over the year the service saw {count} patients, and feedback has been overwhelmingly positive.",
        "The {role} joined the cluster in {month} and now holds {sessions} sessions a week across practices.",
        "An evaluation showed that around {percent}% of patients seen did not need a GP appointment.",
        "All practices now refer into the service using a shared pathway.",
        "The service was extended to {partner} after a successful pilot.",
        "Waiting times fell from {weeks} weeks to under two weeks.",
        "The project was presented at the health board's primary care showcase as an example of good practice.",
        "Patients told us they valued being seen closer to home.",
        "Practices supported each other to maintain core GMS services despite staff sickness and isolation.",
        "The work was delivered within budget and is now funded recurrently.",
        "Data from {digital} show a steady rise in activity over the year.",
        "Joint working with {partner} meant that referrals were handled in a single conversation.",
        "Patients with {condition} were among the main users of the service.",
        "Feedback from GPs has been positive, with fewer follow-up appointments needed.",
        "Activity figures are collected monthly and shared at cluster meetings.",
        "The service now runs from {sessions} sites across the cluster.",
        "A patient story presented at the cluster meeting showed the difference the service made to one family.",
    ],
    "difficulty": [
        "Progress was slower than planned because of {problem}.",
        "Recruitment to the {role} post took {months} months, so the service started late.",
        "Changes in working conditions and pay greatly affected delivery of the service.",
        "The lack of clinical space in practices meant that some sessions had to be held in community venues.",
        "Short-term funding made it difficult to attract applicants for fixed-term posts.",
        "Information governance agreements between practices took longer to agree than expected.",
        "The roll-out of {digital} was delayed by the national programme.",
        "Staff absence during the winter meant that some clinics were cancelled.",
        "The service was paused for part of the year while the pathway was redesigned with {partner}.",
        "We underestimated the administrative time needed to run the service, and this has been built into the plan.",
        "Uptake was lower than expected in some practices, and we will promote the service more widely.",
        "Activity data were recorded differently in each practice, which made evaluation difficult.",
        "The post holder left during the year and the post was vacant for {months} months.",
    ],
    "challenge": [
        "Workforce fatigue after Covid remains a significant risk to the sustainability of primary care.",
        "The hospital recovery plan, combined with current demand and infection control measures, creates capacity constraints.",
        "We need to look strategically at the relationship between new hybrid models of primary care and the estate.",
        "Catching up on disease management reviews for {condition} will take most of the year.",
        "Supply chain problems, such as shortages of blood bottles, continue to affect services.",
        "Social care faces many challenges, and delayed packages of care affect our patients at home.",
        "The rising cost of living is increasing demand for support with {condition2} and for welfare advice.",
        "Recruitment of {role}s remains difficult, particularly in the more rural parts of the cluster.",
        "Several experienced GPs and practice nurses are expected to retire within the next five years.",
        "Energy and building costs are placing pressure on practice finances.",
        "Demand for same-day appointments continues to outstrip capacity on Mondays and after bank holidays.",
        "Funding for {activity} is not yet confirmed beyond March, which puts the service at risk.",
        "Growth in the population from {problem} has not yet been matched by investment in primary care.",
    ],
    "development": [
        "The plan was developed at a cluster planning day attended by GPs, practice managers, nurses, pharmacists and {partner}.",
        "We reviewed last year's plan activity by activity and agreed what to continue, change or stop.",
        "Data from the Public Health Wales cluster profile and practice registers informed our priorities.",
        "Patients were asked for their views through a short survey and a listening event.",
        "The draft plan was shared with {partner} and the Regional Partnership Board for comment.",
        "Professional collaboratives for pharmacy, optometry, dental and nursing contributed their own priorities.",
        "The plan was signed off by the cluster at its meeting in {month}.",
    ],
    "enablers": [
        "There is currently no spare space in the primary and community care estate to house new services.",
        "An outline business case for a cluster hub has been submitted to the health board.",
        "The shared clinical system allows staff employed by the cluster to work across all practices.",
        "We will continue to use {digital} to reduce travel and our carbon footprint.",
        "A cluster-wide data sharing agreement is needed before the {role} can access records in every practice.",
        "Good broadband in rural practices remains essential for remote consultations.",
        "Hosting arrangements for cluster-employed staff are provided by a lead practice.",
    ],
    "workforce": [
        "The cluster employs or hosts {wte} whole-time equivalent staff funded through the cluster allocation.",
        "GP numbers have fallen slightly, while the number of other professionals working in practices has grown.",
        "Around a third of practice nurses are aged 55 or over, so succession planning is a priority.",
        "New roles help direct people to the right professional and reduce waiting times for a GP.",
        "We will continue to offer placements for GP trainees, student nurses and pharmacy students.",
        "Shared training sessions are held on protected learning time afternoons each quarter.",
    ],
    "governance": [
        "The cluster meets monthly, with a quorum of at least half of member practices.",
        "The cluster lead chairs the meeting and reports to the health board's primary care team.",
        "Decisions on the cluster allocation are made by consensus and recorded in the minutes.",
        "Members include all GP practices, community pharmacies, the district nursing team, social services and {partner}.",
        "Conflicts of interest are declared at the start of each meeting.",
        "Terms of reference are reviewed every year.",
    ],
    "forward": [
        "Over the next three years we want to move more services out of hospital and into the community.",
        "We will build on the success of {activity} and look to make it sustainable.",
        "We aim to become a fully integrated locality team with {partner} and {partner2}.",
        "Prevention and early intervention will be at the heart of everything we do.",
        "We expect the professional collaboratives to take a growing share of planning.",
    ],
    "assets": [
        "The cluster has {leisure} leisure centres, {libraries} libraries and many community centres.",
        "Voluntary sector organisations provide support for mental health, physical activity and carers.",
        "Local schools and colleges are keen partners in health promotion.",
        "Community groups run walking groups, lunch clubs and men's sheds across the area.",
    ],
}

MONTHS = ["April", "May", "June", "July", "September", "October", "November", "January", "February"]
VACCINES = ["MMR", "HPV", "pre-school booster", "shingles", "pneumococcal"]

SWANSEA_GOAL_METHODS = [
    "Recruit to the post and agree a shared job plan", "Agree referral criteria with practices",
    "Develop a shared pathway with the health board", "Run a six-month pilot and evaluate it",
    "Hold quarterly review meetings", "Promote the service to patients and staff",
]
SWANSEA_GOAL_OUTCOMES = [
    "Reduced demand on GP appointments", "Improved patient experience", "Fewer avoidable admissions",
    "Services delivered closer to home", "Improved access for people in the most deprived areas",
]
SWOT = {
    "strengths": ["Strong relationships between practices", "Committed and stable cluster leadership",
                  "Good links with the third sector", "Experienced practice managers", "Shared clinical system"],
    "weaknesses": ["Limited clinical space", "Reliance on short-term funding", "Difficulty recruiting GPs",
                   "Variable data quality between practices"],
    "opportunities": ["Accelerated Cluster Development", "New roles in the primary care workforce",
                      "Closer working with the Regional Partnership Board", "Digital tools for patients"],
    "threats": ["Workforce fatigue after Covid", "Rising demand and an ageing population", "Cost of living",
                "Pressure on social care"],
}
RISKS = [
    ("Recruitment", "Posts cannot be filled", "Services cannot start on time"),
    ("Funding", "Funding not confirmed beyond March", "Services end and staff leave"),
    ("Estates", "No clinical space for new staff", "Sessions held away from practices"),
    ("IT", "Access to records across practices not agreed", "Staff cannot work across the cluster"),
    ("Engagement", "Practices do not refer into new services", "Services under-used"),
    ("Data", "Activity data not collected consistently", "Benefits cannot be evidenced"),
]
MITIGATIONS = ["Advertise jointly with neighbouring clusters", "Seek recurrent funding through the health board",
               "Use community venues while a hub is developed", "Agree a cluster data sharing agreement",
               "Share monthly activity reports at cluster meetings", "Review at every cluster meeting"]
EXTRA_FINANCE_LINES = ["Cluster development sessions", "Protected learning time cover", "Training and education",
                       "Cluster meeting backfill", "Patient information and engagement", "Data and analytics support"]


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

COVID_ERA = 2020  # plans before 2020-21 do not mention Covid
_COVID = re.compile(r"covid|pandemic", re.IGNORECASE)


def of_its_time(item, year: int) -> bool:
    """Whether a phrase (or an activity template) could appear in a plan for `year`."""
    text = " ".join(map(str, item[:4])) if isinstance(item, tuple) else str(item)
    return year >= COVID_ERA or not _COVID.search(text)


def year_label(y: int) -> str:
    return f"{y}-{(y + 1) % 100:02d}"


def year_slash(y: int) -> str:
    return f"{y}/{(y + 1) % 100:02d}"


def short_year(y: int) -> str:
    return f"{y % 100:02d}/{(y + 1) % 100:02d}"


def pounds(value: Decimal, pence: bool | None = None) -> str:
    q = value.quantize(Decimal("0.01"))
    if pence is None:
        pence = q != q.to_integral_value()
    sign = "-" if q < 0 else ""
    return f"{sign}£{abs(q):,.{2 if pence else 0}f}"


def number(value: Decimal) -> int | float:
    """A money amount as a YAML number (exact: floats are written with their shortest repr)."""
    q = value.quantize(Decimal("0.01"))
    return int(q) if q == q.to_integral_value() else float(q)


def round_money(rng: random.Random, value: float) -> Decimal:
    """Round like plans do: mostly to the pound or the hundred, sometimes with pence."""
    r = rng.random()
    if r < 0.45:
        return Decimal(round(value / 100) * 100)
    if r < 0.8:
        return Decimal(round(value))
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class Activity:
    id: str
    template: tuple
    title: str
    since: int
    budget: Decimal | None  # None: to be confirmed
    funding: list[str]
    status: str
    ministerial: list[str]
    sppc: list[str]
    board_priorities: list[str]
    results: list[str]
    comments: list[str] = field(default_factory=list)
    rebudgeted: bool = False


@dataclass
class ClusterInfo:
    board: str
    board_name: str
    board_short: str
    board_priorities: list[str]
    slug: str
    name: str
    registry_file: Path | None  # None for a synthetic cluster


# --------------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------------

def read_registry(registry: Path = REGISTRY) -> tuple[list[Path], list[ClusterInfo]]:
    boards, clusters = [], []
    for board_file in sorted(registry.glob("*/board.yaml")):
        board = yaml.safe_load(board_file.read_text(encoding="utf-8"))
        boards.append(board_file)
        for cluster_file in sorted(board_file.parent.glob("*/cluster.yaml")):
            cluster = yaml.safe_load(cluster_file.read_text(encoding="utf-8"))
            clusters.append(ClusterInfo(board["slug"], board["name"], board.get("short_name") or board["name"],
                                        list(board.get("strategic_priorities") or []), cluster["slug"],
                                        cluster["name"], cluster_file))
    return boards, clusters


def choose_clusters(all_clusters: list[ClusterInfo], n: int) -> list[ClusterInfo]:
    """n clusters: round-robin over boards when n is smaller than the registry, synthetic ones beyond it."""
    by_board: dict[str, list[ClusterInfo]] = {}
    for c in all_clusters:
        by_board.setdefault(c.board, []).append(c)
    if n <= len(all_clusters):
        order, i = [], 0
        while len(order) < n:
            for board in sorted(by_board):
                if i < len(by_board[board]) and len(order) < n:
                    order.append(by_board[board][i])
            i += 1
        return sorted(order, key=lambda c: (c.board, c.slug))
    chosen = list(all_clusters)
    boards = sorted(by_board)
    for k in range(n - len(all_clusters)):
        template = by_board[boards[k % len(boards)]][0]
        chosen.append(ClusterInfo(template.board, template.board_name, template.board_short,
                                  template.board_priorities, f"synthetic-{k + 1:03d}",
                                  f"Synthetic Cluster {k + 1}", None))
    return sorted(chosen, key=lambda c: (c.board, c.slug))


# --------------------------------------------------------------------------------------------
# YAML output
# --------------------------------------------------------------------------------------------

class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow=False, indentless=False):  # indent list items under their key
        return super().increase_indent(flow, False)


def _represent_list(dumper: yaml.SafeDumper, data: list):
    flow = (all(isinstance(x, str) for x in data) and len(data) <= 4
            and sum(len(x) + 2 for x in data) < 70) or \
           (bool(data) and all(isinstance(x, (int, float, str)) or x is None for x in data)
            and any(not isinstance(x, str) for x in data))
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def dump_yaml(data: dict, header: str = "") -> str:
    out = header + ("\n" if header else "")
    for key, value in data.items():
        text = yaml.dump({key: value}, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                         width=4096, default_flow_style=False)
        if isinstance(value, (dict, list)) and value and not out.endswith("\n\n"):
            out += "\n"  # a blank line before each block, as people write them
        out += text
    return out


# --------------------------------------------------------------------------------------------
# One cluster's history
# --------------------------------------------------------------------------------------------

class ClusterStory:
    """The evolving state of one cluster across the years; plan(y) gives that year's files."""

    def __init__(self, info: ClusterInfo, seed: int, first_year: int, years: int):
        self.info = info
        self.years = years
        self.rich = info.board in RICH_FORMAT_BOARDS
        self.rng = random.Random(f"{seed}/{info.board}/{info.slug}")
        rng = self.rng
        self.first_year = first_year
        self.year = first_year
        self.practices = rng.randint(4, 14)
        self.population = rng.randint(25, 100) * 1000 + rng.randint(0, 999)
        self.pharmacies = self.practices + rng.randint(0, 8)
        self.dental = rng.randint(2, 9)
        self.optometry = rng.randint(2, 6)
        self.allocation = Decimal(rng.randint(90, 300) * 1000 + rng.choice([0, 0, 500, 786]))
        self.scale = float(self.allocation) / 180000 * 0.55  # so cluster-funded lines roughly fit the allocation
        self.gps = round(self.practices * rng.uniform(2.5, 4.5))
        self.nurses = round(self.practices * rng.uniform(1.5, 2.5), 1)
        self.pool = list(ACTIVITIES)
        rng.shuffle(self.pool)
        self.used: set[str] = set()
        self.activities: list[Activity] = []
        self.dropped: list[Activity] = []
        self.balance = Decimal(0)
        names = set()
        self.practice_names = []
        while len(self.practice_names) < self.practices:
            n = f"{rng.choice(PRACTICE_WORDS)} {rng.choice(PRACTICE_KINDS)}"
            if n not in names:
                names.add(n)
                self.practice_names.append(n)
        self.lead = self.new_lead()
        self.second = self.new_lead(second=True) if rng.random() < 0.6 else None
        self.last_draft = rng.random() < 0.15
        # Each cluster has a house style for figures (plans are copied forward from last year's).
        self.money_style = rng.choice(["number", "pounds", "pounds", "mapping"])

    # -- people ---------------------------------------------------------------------------

    def new_lead(self, second: bool = False) -> dict:
        rng = self.rng
        title = "" if second else rng.choice(LEAD_TITLES)
        name = f"{title} {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}".strip()
        role = rng.choice(SECOND_ROLES) if second else f"{self.info.name} {rng.choice(LEAD_ROLES)}"
        return {"name": name, "role": role}

    # -- activities -----------------------------------------------------------------------

    def pick(self, options: list, k: int) -> list:
        options = [o for o in options if of_its_time(o, self.year)]
        return self.rng.sample(options, min(k, len(options)))

    def choice(self, options: list):
        return self.rng.choice([o for o in options if of_its_time(o, self.year)])

    def maybe_variant(self, term: str, variants: dict, p: float = 0.05) -> str:
        if term in variants and self.rng.random() < p:
            return self.rng.choice(variants[term])
        return term

    def new_activity(self, year: int, existing: bool) -> Activity | None:
        rng = self.rng
        self.pool = [t for t in self.pool if t[0] not in self.used]
        ready = [i for i, t in enumerate(self.pool) if of_its_time(t, year)]
        if ready:
            t = self.pool.pop(ready[-1])
            aid, title = t[0], t[1]
        else:  # pool exhausted: a second phase of something tried before
            t = self.choice(ACTIVITIES)
            aid, title = f"{t[0]}-phase-{year}", f"{t[1]} (phase {year_slash(year)})"
            if aid in self.used:
                return None
        self.used.add(aid)
        lo, hi = t[7]
        budget = None if rng.random() < 0.2 else round_money(rng, rng.uniform(lo, hi) * self.scale)
        funding = [t[9]]
        if rng.random() < 0.25:
            funding.append(rng.choice([f for f in FUNDING if f != t[9]]))
        if budget is None and rng.random() < 0.4:
            funding = ["To be confirmed"]
        since = year - rng.randint(1, 4) if existing else year
        status = rng.choice(["ongoing", "ongoing", "started"]) if existing else rng.choice(["planned", "started"])
        priorities = []
        if self.info.board_priorities:
            idx = [i for i in t[8] if i < len(self.info.board_priorities)]
            priorities = [self.info.board_priorities[i] for i in idx
                          if of_its_time(self.info.board_priorities[i], year)] or [self.info.board_priorities[-1]]
        return Activity(aid, t, title, since, budget, funding, status,
                        [MIN[k] for k in self.pick([k for k in t[5] if k != "COV" or year >= COVID_ERA] or ["AHW"],
                                                   rng.randint(1, len(t[5])))],
                        [SPPC[k] for k in self.pick(t[6], rng.randint(1, len(t[6])))],
                        priorities, self.pick(t[4], rng.randint(1, len(t[4]))))

    def advance(self, year: int) -> dict:
        """Move the story on to `year`; returns what changed, for the prose."""
        rng = self.rng
        self.year = year
        changes = {"added": [], "dropped": [], "renamed": [], "rebudgeted": []}
        if year == self.first_year:
            for i in range(rng.randint(13, 17)):
                a = self.new_activity(year, existing=rng.random() < 0.6)
                if a:
                    self.activities.append(a)
            return changes
        # Clusters spend about their allocation: when cluster-funded work outgrows it, budgets are
        # trimmed and new work is funded from elsewhere.
        over = self.cluster_spend() > self.allocation * Decimal("0.9")
        keep = []
        for a in self.activities:
            if a.status in ("completed", "stopped") or rng.random() < 0.07:
                self.dropped.append(a)
                changes["dropped"].append(a.title)
                continue
            a.status = self.next_status(a.status)
            a.rebudgeted = False
            if len(a.template[2]) and rng.random() < 0.06 and a.title == a.template[1]:
                old = a.title
                a.title = a.template[2][0]
                changes["renamed"].append((old, a.title))
            r = rng.random()
            if a.budget is None and r < 0.5:
                lo, hi = a.template[7]
                a.budget = round_money(rng, rng.uniform(lo, hi) * self.scale)
                a.rebudgeted = True
                if a.funding == ["To be confirmed"]:
                    a.funding = [a.template[9]]
            elif a.budget is not None and r < 0.3:
                a.budget = round_money(rng, float(a.budget) * (rng.uniform(0.7, 1.0) if over
                                                               else rng.uniform(0.9, 1.3)))
                a.rebudgeted = True
            elif a.budget is not None and r > 0.97:
                a.budget = None
            if a.rebudgeted:
                changes["rebudgeted"].append(a.title)
            keep.append(a)
        self.activities = keep
        target = rng.randint(13, 17)
        while len(self.activities) < target:
            a = self.new_activity(year, existing=False)
            if a is None:
                break
            if a.budget is not None and "Cluster funding" in a.funding and \
                    self.cluster_spend() + a.budget > self.allocation * Decimal("0.95"):
                a.funding = [rng.choice(["Health board core funding", "Welsh Government", "Transformation funding",
                                         "Pacesetter funding", "Primary Care Development funding"])]
            self.activities.append(a)
            changes["added"].append(a.title)
        if rng.random() < 0.2:
            self.lead = self.new_lead()
        if rng.random() < 0.15:
            self.second = self.new_lead(second=True)
        self.allocation = (self.allocation * Decimal(str(round(rng.uniform(0.99, 1.04), 3)))).quantize(Decimal("1"))
        self.population += rng.randint(-200, 900)
        self.gps = max(self.practices, self.gps + rng.choice([-2, -1, -1, 0, 0, 1]))
        self.nurses = round(max(2.0, self.nurses + rng.uniform(-0.8, 1.0)), 1)
        return changes

    def cluster_spend(self) -> Decimal:
        """What the cluster-funded activities with a known budget cost (the finance lines)."""
        return sum((a.budget for a in self.activities if a.budget is not None and self.cluster_funded(a)),
                   Decimal(0))

    @staticmethod
    def cluster_funded(a: Activity) -> bool:
        return any(f.startswith("Cluster") for f in a.funding)

    def next_status(self, status: str) -> str:
        r = self.rng.random()
        table = {
            "planned": [("started", 0.6), ("delayed", 0.15), ("planned", 0.25)],
            "started": [("ongoing", 0.6), ("delayed", 0.12), ("completed", 0.1), ("started", 0.18)],
            "ongoing": [("ongoing", 0.75), ("completed", 0.1), ("stopped", 0.05), ("delayed", 0.1)],
            "delayed": [("ongoing", 0.45), ("started", 0.2), ("stopped", 0.15), ("delayed", 0.2)],
        }[status]
        acc = 0.0
        for s, p in table:
            acc += p
            if r < acc:
                return s
        return table[-1][0]

    # -- plan.yaml ------------------------------------------------------------------------

    def money(self, value: Decimal | None, tbc_note: str | None = None):
        """An amount in one of the forms plans use."""
        rng = self.rng
        if value is None:
            r = rng.random()
            if r < 0.7:
                return "TBC"
            if r < 0.85:
                return "£TBC"
            return {"tbc": True, "note": tbc_note or "Awaiting confirmation from the health board"}
        style = self.money_style if rng.random() < 0.85 else rng.choice(["number", "pounds", "mapping"])
        if style == "number":
            return number(value)
        if style == "pounds":
            return pounds(value)
        return {"amount": number(value), "as_written": pounds(value, pence=True)}

    def activity_yaml(self, a: Activity, year: int) -> dict:
        rng = self.rng
        t = a.template
        new = a.since == year
        out: dict = {"id": a.id, "title": a.title}
        out["new_or_existing"] = "new" if new else self.maybe_variant("existing", {"existing": ["continuing", "existing activity"]}, 0.04)
        if not new:
            out["since"] = year_label(a.since)
        out["new_or_existing_detail"] = (rng.choice(["New", f"New for {short_year(year)}", "New activity"]) if new else
                                         rng.choice([f"Existing from {short_year(a.since)}", "Existing",
                                                     f"Ongoing since {a.since}", "Continuing"]))
        out["description"] = t[3]
        out["expected_results"] = list(a.results)
        out["ministerial_priorities"] = [self.maybe_variant(m, MIN_VARIANTS) for m in a.ministerial]
        out["sppc_priorities"] = [self.maybe_variant(s, SPPC_VARIANTS) for s in a.sppc]
        if a.board_priorities:
            out["board_priorities"] = list(a.board_priorities)
        out["alignment_detail"] = rng.choice([
            "Aligns with the cluster's priority of sustainable primary care",
            f"Supports the {self.info.board_short} primary care strategy",
            "Links to the Regional Partnership Board area plan",
            "Contributes to the Primary Care Model for Wales"])
        out["budget"] = self.money(a.budget, f"Costs for {a.title.lower()} to be agreed")
        out["funding_sources"] = [self.maybe_variant(f, FUNDING_VARIANTS) for f in a.funding]
        out["status"] = self.maybe_variant(a.status, STATUS_VARIANTS, 0.08)
        out["status_detail"] = self.choice(STATUS_DETAIL[a.status])
        comments = []
        if a.status == "delayed" or rng.random() < 0.5:
            comments.append(rng.choice([
                f"Barrier: {self.choice(PROBLEMS)}", f"Workforce: recruitment of a {rng.choice(ROLES)} required",
                "Evaluation to be reported to the cluster in Q4", f"Working with {rng.choice(PARTNERS)}",
                "Cluster engagement", "Data collection to be agreed with practices"]))
        if a.rebudgeted:
            comments.append(f"Budget revised for {year_slash(year)}")
        out["comments"] = comments or ["None"]
        return out

    def finance_yaml(self, year: int) -> tuple[dict, list[dict]]:
        rng = self.rng
        lines, amounts = [], []
        for i, a in enumerate(self.activities):
            if a.budget is None or not self.cluster_funded(a):
                continue
            recurrent = rng.random() < 0.55
            line: dict = {"item": a.title, "amount": self.money(a.budget)}
            line["recurrent"] = recurrent
            if recurrent and rng.random() < 0.6:
                line["full_year_effect"] = self.money(round_money(rng, float(a.budget) * rng.uniform(1.0, 1.25)))
            if rng.random() < 0.15:
                line["note"] = rng.choice(["Part year", "Shared with a neighbouring cluster", "Hosted by a lead practice",
                                           "Includes on-costs"])
            lines.append(line)
            amounts.append(a.budget)
        carry = self.balance if self.balance > 0 and rng.random() < 0.5 else Decimal(0)
        allocation = self.allocation
        # Smaller lines take up most of what is left (some clusters end over- or under-committed).
        room = float(allocation + carry - sum(amounts, Decimal(0))) * rng.uniform(0.75, 1.0)
        extra = self.pick(EXTRA_FINANCE_LINES, rng.randint(1, 3))
        for item in extra:
            value = room / len(extra) * rng.uniform(0.7, 1.3) if room > 3000 else rng.uniform(500, 3000)
            value = round_money(rng, value)
            lines.append({"item": item, "amount": self.money(value), "recurrent": False})
            amounts.append(value)
        committed = sum(amounts, Decimal(0))
        balance = allocation + carry - committed
        self.balance = balance
        known_issues = []
        if rng.random() < 0.04 and lines:
            # The source misprints one figure (e.g. £77,0194.24); the plan keeps it and says so.
            k = rng.randrange(len(lines))
            whole = f"{int(amounts[k]):,}"
            bad = "£" + (whole.replace(",", ",,", 1) if "," in whole else whole + ",,0")
            lines[k]["amount"] = bad
            lines[k].pop("full_year_effect", None)
            known_issues.append({"problem": "money-unparseable", "field": f"finance.lines[{lines[k]['item']}].amount",
                                 "note": f"The source prints the cost of {lines[k]['item']} as {bad}, which is not a valid figure."})
        finance: dict = {"caption": f"Cluster Financial Profile {year_slash(year)}", "allocation": self.money(allocation)}
        if carry:
            finance["carry_over"] = self.money(carry)
        finance["lines"] = lines
        finance["total"] = self.money(committed)
        finance["balance"] = pounds(balance) if rng.random() < 0.7 else number(balance)
        finance["notes"] = [rng.choice([
            "Allocation as confirmed by Welsh Government in the spring",
            f"Brokerage from {short_year(year - 1)} agreed with the health board",
            "Any underspend will be returned to the health board unless brokerage is agreed",
            "Figures exclude services funded directly by the health board"])]
        return finance, known_issues

    def workforce_yaml(self, year: int) -> dict:
        rng = self.rng
        rows = []
        gps, nurses = self.gps, self.nurses
        for k in range(3):
            y = year - 1 - k
            rows.append([short_year(y), gps + k * rng.choice([0, 1]), round(gps * rng.uniform(0.7, 0.85), 2),
                         round(nurses - k * 0.3, 1), round(self.practices * rng.uniform(0.8, 1.6), 1),
                         round(rng.uniform(0.5, 3.0), 1)])
        tables = [{"caption": "Workforce in member practices", "section": "workforce",
                   "columns": ["Year", "GPs (headcount)", "GP WTE", "Practice nurse WTE", "HCSW WTE",
                               "Pharmacist WTE"],
                   "rows": rows, "source": "National Workforce Reporting System"}]
        if rng.random() < 0.6:
            tables.append({"caption": "Age profile of practice staff", "section": "workforce",
                           "columns": ["Staff group", "Under 40", "40 to 54", "55 and over"],
                           "rows": [[g, rng.randint(0, 12), rng.randint(2, 15), rng.randint(1, 10)]
                                    for g in ("GPs", "Practice nurses", "Healthcare support workers",
                                              "Administrative staff")]})
        roles = []
        for a in self.activities[: rng.randint(4, 8)]:
            role = rng.choice(ROLES)
            roles.append({"role": role.capitalize(),
                          "wte": rng.choice([0.2, 0.4, 0.5, 0.6, 0.8, 1.0, 1.0, 2.0, "0.5 (shared)"]),
                          "band": rng.choice(["Band 4", "Band 5", "Band 6", "Band 7", "Band 8a"]),
                          "funding": rng.choice(a.funding),
                          "impact": f"Supports {a.title.lower()}: {a.results[0][0].lower()}{a.results[0][1:]}."})
        return {"tables": tables, "roles": roles,
                "notes": [rng.choice(["WTE figures are as at 31 March", "Figures exclude locum GPs",
                                      "Headcount includes GP partners and salaried GPs"])]}

    def plan_yaml(self, year: int) -> dict:
        rng = self.rng
        info = self.info
        plan: dict = {"board": info.board, "cluster": info.slug, "year": year_label(year)}
        last = year == self.first_year + self.years - 1
        plan["status"] = "draft" if last and self.last_draft else "published"
        plan["title"] = rng.choice([f"{info.name} Cluster IMTP {year_slash(year)}",
                                    f"{info.name} Cluster Plan {year_slash(year)}",
                                    f"{info.name} Annual Cluster Plan {year}-{year + 1}"])
        plan["source"] = {"document": f"{info.board_short} Annual Cluster Plans {year_slash(year)}",
                          "publisher": info.board_name,
                          "pages": f"pp. {rng.randint(3, 60)}-{rng.randint(61, 90)}"}
        plan["leads"] = [self.lead] + ([self.second] if self.second else [])
        themes = self.pick(list(KEY_ACTION_THEMES), rng.randint(4, 6))
        plan["key_actions"] = [{"theme": th, "actions": self.pick(KEY_ACTION_THEMES[th], rng.randint(2, 5))}
                               for th in themes]
        if self.rich:
            plan["priority_areas"] = [
                {"title": p, "goals": [f"{a.title}: {a.results[0]}"
                                       for a in self.activities if p in a.board_priorities][:3] or
                 [f"Improve {p.lower()} across the cluster"]}
                for p in self.pick(info.board_priorities, 4)]
        plan["activities"] = [self.activity_yaml(a, year) for a in self.activities]
        if self.rich:
            areas = []
            for p in self.pick(info.board_priorities, 3):
                goals = []
                for a in [a for a in self.activities if p in a.board_priorities][:2] or self.activities[:1]:
                    goals.append({"goal": f"{a.title}: {a.template[3]}", "strategic_priorities": [p],
                                  "methods": self.pick(SWANSEA_GOAL_METHODS, 3),
                                  "outcomes": self.pick(SWANSEA_GOAL_OUTCOMES, 2),
                                  "lead": rng.choice(["Cluster lead", "Business manager", "Practice managers"]),
                                  "timescale": rng.choice(["Q1", "Q2", "Q3", "By March", "Ongoing"])})
                areas.append({"priority_area": p, "goals": goals})
            plan["action_plan"] = areas
        finance, known = self.finance_yaml(year)
        plan["finance"] = finance
        plan["workforce"] = self.workforce_yaml(year)
        plan["key_facts"] = [
            {"fact": f, "source": f"{rng.choice(SOURCES)} {year - 1}"} for f in self.pick([
                f"Registered population of {self.population:,}",
                f"{self.practices} GP practices and {self.pharmacies} community pharmacies",
                f"{rng.randint(15, 26)}% of residents are aged 65 and over",
                f"{rng.randint(2, 9)} areas among the most deprived 20% in Wales",
                f"Diabetes prevalence {rng.uniform(5.5, 8.9):.1f}%",
                f"Smoking prevalence {rng.randint(14, 24)}%",
                f"Bowel screening uptake {rng.randint(50, 66)}%",
                f"{rng.randint(8, 14)}% of adults are unpaid carers"], rng.randint(4, 7))]
        if self.rich:
            plan["swot"] = {k: self.pick(v, rng.randint(2, len(v))) for k, v in SWOT.items()}
        risks = []
        for project, risk, impact in self.pick(RISKS, rng.randint(3, 5)):
            risks.append({"project": project, "risk": risk, "impact": impact,
                          "likelihood": rng.choice("LMH"), "mitigation": rng.choice(MITIGATIONS),
                          "lead": rng.choice(["Cluster lead", "Practice managers", "Health board primary care team"])})
        plan["risks"] = risks
        plan["members"] = [{"name": n, "role": "GP practice"} for n in self.practice_names] + [
            {"name": "Community pharmacies", "role": "Pharmacy collaborative"},
            {"name": f"{info.board_short} district nursing", "organisation": info.board_name}]
        if rng.random() < 0.4:
            plan["tables"] = [{"caption": "Cluster referrals into the Urgent Primary Care Centre",
                               "columns": ["Quarter", "Referrals"],
                               "rows": [[f"Q{q}", rng.randint(40, 400)] for q in range(1, 5)]}]
        if known:
            plan["known_issues"] = known
        return plan

    # -- prose ------------------------------------------------------------------------------

    def fill(self, template: str, year: int) -> str:
        rng = self.rng
        acts = [a.title.lower() for a in self.activities] or ["social prescribing"]
        roles = rng.sample(ROLES, 2)
        partners = rng.sample(PARTNERS, 2)
        sample = rng.sample(acts, min(3, len(acts))) + ["cluster development"] * 3
        values = {
            "cluster": self.info.name, "board": self.info.board_name, "cur": year_slash(year),
            "prev": year_slash(year - 1), "practices": self.practices, "pharmacies": self.pharmacies,
            "dental": self.dental, "optometry": self.optometry, "population": f"{self.population:,}",
            "partner": partners[0], "partner2": partners[1], "role": roles[0], "role2": roles[1],
            "problem": self.choice(PROBLEMS), "pressure": self.choice(PRESSURES),
            "big": rng.choice([8000, 10000, 12000, 15000]), "activity": sample[0], "activity2": sample[1],
            "activity3": sample[2], "percent": rng.randint(18, 92), "allocation": pounds(self.allocation),
            "condition": self.choice(CONDITIONS), "condition2": self.choice(CONDITIONS),
            "lsoas": rng.randint(2, 9), "smoking": rng.randint(14, 24), "screening": rng.randint(48, 59),
            "houses": rng.randint(3, 25) * 100, "welsh": rng.randint(8, 70), "vaccine": rng.choice(VACCINES),
            "count": rng.randint(120, 2400), "month": rng.choice(MONTHS), "sessions": rng.randint(2, 9),
            "weeks": rng.randint(4, 16), "months": rng.randint(3, 9), "digital": rng.choice(DIGITAL),
            "wte": round(rng.uniform(3, 15), 1), "leisure": rng.randint(1, 4), "libraries": rng.randint(2, 8),
        }
        text = template.format(**values)
        return text[0].upper() + text[1:]

    def draw(self, kind: str, n: int) -> list[str]:
        """n sentences of a kind, without repeats until the plan has used every one."""
        out = []
        for _ in range(n):
            deck = self.decks.get(kind)
            if not deck:
                deck = self.decks[kind] = self.pick(SENTENCES[kind], len(SENTENCES[kind]))
            out.append(deck.pop())
        return out

    def paragraph(self, kind: str, year: int, n: int) -> str:
        return " ".join(self.fill(s, year) for s in self.draw(kind, n))

    def heading(self, section: str, year: int) -> str:
        h = self.rng.choice(SECTION_HEADINGS[section])
        return "# " + h.format(prev=year_slash(year - 1), cur=year_slash(year))

    def prose(self, year: int, changes: dict, target: int = 2000) -> dict[str, str]:
        rng = self.rng
        self.decks: dict[str, list[str]] = {}
        files: dict[str, list[str]] = {}
        words = lambda: sum(len(" ".join(v).split()) for v in files.values())  # noqa: E731

        # Executive summary: four or five paragraphs, signed.
        body = [self.heading("executive-summary", year), ""]
        for _ in range(rng.randint(4, 5)):
            body += [self.paragraph("intro", year, rng.randint(3, 4)), ""]
        body += [self.lead["name"], self.lead["role"]]
        files["executive-summary"] = body

        # Achievements: a subsection per activity that moved on last year.
        body = [self.heading("achievements", year), "", self.paragraph("achievement", year, 2), ""]
        done = [a for a in self.activities if a.since < year][:rng.randint(4, 6)] or self.activities[:3]
        for a in done:
            body += [f"## {a.title}", "", self.paragraph("achievement", year, rng.randint(2, 3)), ""]
        body += ["## Other achievements", ""] + [f"- {x}" for x in self.pick([
            "Continuous service maintained throughout the winter", "Dedicated workforce adopted new ways of working at pace",
            "Improved pathways between health, social care and the third sector",
            "Increased capacity for same-day urgent care", f"Cluster referrals into {rng.choice(SERVICES)} increased",
            "Advance care plans in place for care home residents"], 3)]
        files["achievements"] = body

        # Difficulties: what did not go to plan, naming dropped and delayed work.
        body = [self.heading("difficulties", year), "", self.paragraph("difficulty", year, 3), ""]
        for title in changes["dropped"][:3]:
            body += [f"## {title}", "", f"This activity has not been carried forward into {year_slash(year)}. "
                     + self.paragraph("difficulty", year, 2), ""]
        for a in [a for a in self.activities if a.status == "delayed"][:2]:
            body += [f"## {a.title}", "", self.paragraph("difficulty", year, 2), ""]
        files["difficulties"] = body

        # Challenges for the year: a paragraph and a bullet list.
        body = [self.heading("challenges", year), "", self.paragraph("challenge", year, 3), "", "## Potential challenges", ""]
        body += [f"- {self.fill(s, year)}" for s in self.draw("challenge", 5)]
        files["challenges"] = body

        optional = [("needs", "needs"), ("development", "development"), ("enablers", "enablers"),
                    ("workforce", "workforce"), ("governance", "governance"), ("forward-look", "forward")]
        if self.rich:
            optional += [("community-assets", "assets"), ("vision-and-values", "forward")]
        rng.shuffle(optional)
        for section, kind in optional:
            if words() >= target * 0.95:
                break
            body = [self.heading(section, year), ""]
            if section == "needs":
                body += [self.paragraph(kind, year, 4), "", "## Key facts", ""]
                body += [f"- {self.fill(s, year)}" for s in self.draw("needs", 5)]
                body += ["", self.paragraph(kind, year, 3)]
            elif section == "vision-and-values":
                body += [f"Our vision is for {self.info.name} to be a place where people are supported to live well, "
                         "close to home, by a primary care team that works as one.", "",
                         "## Our values", ""] + [f"- {v}" for v in self.pick(
                             ["Compassion", "Collaboration", "Openness", "Respect", "Innovation", "Equity"], 4)]
            else:
                for _ in range(rng.randint(2, 3)):
                    body += [self.paragraph(kind, year, rng.randint(3, 4)), ""]
            files[section] = body

        # Top up the executive summary (the longest section in real plans) to the target length.
        guard = 0
        while words() < target * 0.95 and guard < 20:
            files["executive-summary"][-2:-2] = [self.paragraph("intro", year, 4), ""]
            guard += 1
        return {name: "\n".join(lines).rstrip() + "\n" for name, lines in files.items()}


# --------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------

def generate(outdir: str | Path = DEFAULT_OUTDIR, clusters: int = 60, years: int = 10,
             first_year: int = 2013, seed: int = DEFAULT_SEED, registry: Path = REGISTRY,
             quiet: bool = True) -> dict:
    """Write the corpus to outdir/clusters (replacing a previous corpus there); return its summary."""
    if clusters < 1 or years < 1:
        raise ValueError("clusters and years must be at least 1")
    outdir = Path(outdir)
    target = outdir / "clusters"
    marker = outdir / MARKER
    if target.exists():
        if not marker.exists():
            raise SystemExit(f"{target} exists and is not a generated corpus (no {MARKER}); refusing to replace it")
        shutil.rmtree(target)
    outdir.mkdir(parents=True, exist_ok=True)
    params = {"format": FORMAT_VERSION, "clusters": clusters, "years": years, "first_year": first_year, "seed": seed}
    marker.write_text(json.dumps({**params, "complete": False}, indent=2) + "\n", encoding="utf-8")

    board_files, all_clusters = read_registry(registry)
    chosen = choose_clusters(all_clusters, clusters)
    target.mkdir()
    shutil.copyfile(registry / "vocabularies.yaml", target / "vocabularies.yaml")
    for board_file in board_files:  # every board, even one with no chosen cluster
        (target / board_file.parent.name).mkdir()
        shutil.copyfile(board_file, target / board_file.parent.name / "board.yaml")

    stats = {"plans": 0, "plan_yaml_bytes": 0, "markdown_files": 0, "prose_words": 0, "activities": 0}
    for info in chosen:
        cdir = target / info.board / info.slug
        cdir.mkdir()
        if info.registry_file is not None:
            shutil.copyfile(info.registry_file, cdir / "cluster.yaml")
        else:
            (cdir / "cluster.yaml").write_text(dump_yaml(
                {"slug": info.slug, "name": info.name, "maintainers": []},
                "# A synthetic cluster added by benchmarks/corpus.py.\n"), encoding="utf-8")
        story = ClusterStory(info, seed, first_year, years)
        for y in range(first_year, first_year + years):
            changes = story.advance(y)
            plan = story.plan_yaml(y)
            ydir = cdir / year_label(y)
            ydir.mkdir()
            header = (f"# yaml-language-server: $schema=../../../../schema/plan.schema.json\n"
                      f"# {info.name} cluster plan for April {y} to March {y + 1} (synthetic benchmark data).\n"
                      f"# Prose sections are the .md files beside this file.\n")
            text = dump_yaml(plan, header)
            (ydir / "plan.yaml").write_text(text, encoding="utf-8")
            stats["plans"] += 1
            stats["plan_yaml_bytes"] += len(text.encode("utf-8"))
            stats["activities"] += len(plan["activities"])
            for name, body in story.prose(y, changes).items():
                (ydir / f"{name}.md").write_text(body, encoding="utf-8")
                stats["markdown_files"] += 1
                stats["prose_words"] += len(body.split())
        if not quiet:
            print(f"  {info.board}/{info.slug}: {years} plans", file=sys.stderr)

    summary = {**params, **stats, "complete": True, "boards": len(board_files), "clusters_generated": len(chosen)}
    marker.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def is_current(outdir: str | Path, clusters: int = 60, years: int = 10, first_year: int = 2013,
               seed: int = DEFAULT_SEED) -> bool:
    """Whether outdir holds a complete corpus generated with these parameters by this version."""
    marker = Path(outdir) / MARKER
    try:
        meta = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    want = {"format": FORMAT_VERSION, "clusters": clusters, "years": years, "first_year": first_year, "seed": seed}
    return bool(meta.get("complete")) and all(meta.get(k) == v for k, v in want.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", nargs="?", type=Path, default=DEFAULT_OUTDIR,
                        help=f"where to write clusters/ (default: {DEFAULT_OUTDIR.relative_to(REPO)})")
    parser.add_argument("--clusters", type=int, default=60, help="number of clusters (default 60: the real registry)")
    parser.add_argument("--years", type=int, default=10, help="plan years per cluster (default 10)")
    parser.add_argument("--first-year", type=int, default=2013, help="first plan year (default 2013, i.e. 2013-14)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument("-v", "--verbose", action="store_true", help="list clusters as they are written")
    args = parser.parse_args(argv)
    s = generate(args.outdir, args.clusters, args.years, args.first_year, args.seed, quiet=not args.verbose)
    print(f"wrote {s['plans']} plans ({s['clusters_generated']} clusters x {s['years']} years, "
          f"{year_label(args.first_year)}..{year_label(args.first_year + args.years - 1)}) to {args.outdir / 'clusters'}: "
          f"{s['activities']} activities, {s['plan_yaml_bytes'] / 1e6:.1f} MB of plan.yaml, "
          f"{s['markdown_files']} Markdown files, {s['prose_words']:,} words of prose "
          f"({s['prose_words'] // max(s['plans'], 1):,} a plan)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
