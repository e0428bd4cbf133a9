"""Names for a seeded London market: people, streets, and what buyers are called."""

# fmt: off

# First names as London has them.
FIRST_NAMES = (
    "Abdul", "Adaeze", "Adam", "Adrian", "Agnieszka", "Ahmed", "Aisha", "Alan", "Aleksander",
    "Alex", "Ali", "Alice", "Amara", "Amina", "Amir", "Amy", "Ana", "Andrea", "Andrew", "Angela",
    "Anil", "Anna", "Anthony", "Asha", "Ayesha", "Barbara", "Ben", "Bilal", "Blessing", "Bogdan",
    "Brian", "Bukola", "Callum", "Carlos", "Caroline", "Catherine", "Charlotte", "Chen", "Chidi",
    "Chloe", "Chris", "Claire", "Connor", "Daniel", "Danielle", "Darius", "David", "Deborah",
    "Dev", "Dimitri", "Dorota", "Ebony", "Elena", "Eleanor", "Elif", "Emeka", "Emily", "Emma",
    "Eniola", "Eric", "Fatima", "Fatuma", "Femi", "Fiona", "Florin", "Funmi", "Gabriel", "Gemma",
    "George", "Grace", "Hannah", "Harjit", "Harry", "Hassan", "Helen", "Ibrahim", "Ioana", "Irene",
    "Isaac", "Ivan", "Jack", "Jade", "Jamal", "James", "Jasmine", "Jason", "Jaswinder", "Jennifer",
    "Jessica", "Joanna", "John", "Jordan", "Joseph", "Josh", "Joy", "Kamal", "Karen", "Kasia",
    "Kate", "Kayode", "Kelechi", "Kemi", "Kevin", "Khadija", "Kiran", "Kofi", "Kwame", "Laura",
    "Leah", "Lee", "Leon", "Liam", "Linda", "Lucy", "Luis", "Lukasz", "Maria", "Mariam", "Mark",
    "Marta", "Mary", "Matthew", "Mehmet", "Michael", "Michelle", "Mihai", "Mohamed", "Mohammed",
    "Monika", "Musa", "Nadia", "Naomi", "Natalia", "Nathan", "Neil", "Nia", "Nikhil", "Nimmi",
    "Nkechi", "Noor", "Olga", "Olivia", "Olu", "Omar", "Oscar", "Patricia", "Paul", "Paula",
    "Pawel", "Peter", "Precious", "Priya", "Rachel", "Rahul", "Rajesh", "Rebecca", "Reece", "Rhys",
    "Richard", "Rita", "Robert", "Rosa", "Ruth", "Ryan", "Sadia", "Samuel", "Sandeep", "Sarah",
    "Segun", "Shanice", "Shauna", "Simon", "Sinead", "Sofia", "Sophie", "Stefan", "Stella",
    "Stephen", "Sunita", "Tariq", "Teresa", "Thomas", "Tiago", "Tomasz", "Tunde", "Usha",
    "Vanessa", "Victoria", "Wei", "Yasmin", "Yusuf", "Zainab", "Zara", "Zeynep",
)

# Surnames likewise.
SURNAMES = (
    "Adebayo", "Adeyemi", "Ahmed", "Akhtar", "Ali", "Allen", "Anderson", "Asante", "Atkinson",
    "Bailey", "Baker", "Banerjee", "Begum", "Bell", "Bennett", "Boateng", "Brown", "Campbell",
    "Carter", "Chaudhry", "Chen", "Clarke", "Cole", "Collins", "Cooper", "Costa", "Cruz", "Davies",
    "Dawson", "Demir", "Dhillon", "Diallo", "Dixon", "Edwards", "Ellis", "Evans", "Farah",
    "Ferreira", "Fisher", "Fletcher", "Fernandes", "Garcia", "Gill", "Gonzalez", "Graham", "Grant",
    "Green", "Hall", "Harris", "Hassan", "Hughes", "Hussain", "Ibrahim", "Igwe", "Iqbal",
    "Jackson", "James", "Jenkins", "Johnson", "Jones", "Kaur", "Kelly", "Khan", "King", "Kowalski",
    "Kumar", "Lewis", "Li", "Lopez", "Mahmood", "Malik", "Marshall", "Martin", "Mensah", "Miah",
    "Mitchell", "Mohamed", "Moore", "Morgan", "Murphy", "Nowak", "Nwosu", "Obi", "Ofori", "Okafor",
    "Okonkwo", "Oliveira", "Osei", "Owen", "Owusu", "Patel", "Pereira", "Phillips", "Popescu",
    "Price", "Rahman", "Reid", "Richards", "Roberts", "Robinson", "Rodriguez", "Rossi", "Santos",
    "Scott", "Shah", "Sharma", "Silva", "Singh", "Smith", "Stewart", "Sultana", "Taylor", "Thomas",
    "Thompson", "Turner", "Uddin", "Walker", "Ward", "Watson", "White", "Williams", "Wilson",
    "Wisniewski", "Wood", "Wright", "Yildiz", "Young", "Zielinski",
)

# Streets where buyers' shifts are.
STREETS = (
    "Cable Street", "Commercial Road", "Mile End Road", "Roman Road", "Kingsland Road",
    "Green Lanes", "Holloway Road", "Old Kent Road", "Walworth Road", "Brixton Hill",
    "Coldharbour Lane", "Lea Bridge Road", "Hoe Street", "High Road", "High Street",
    "Station Road", "Church Street", "Victoria Road", "Uxbridge Road", "Harrow Road",
    "Kilburn High Road", "Streatham Vale", "Peckham Rye", "Deptford Broadway", "Barking Road",
    "Romford Road", "Seven Sisters Road", "Stoke Newington Road", "Camberwell Road",
    "Lewisham Way", "Balham High Road", "Tooting Broadway", "Acton Lane", "Ealing Broadway",
    "London Road", "The Broadway", "Powis Street", "Rye Lane", "Stratford High Street",
    "Whitechapel Road",
)

# What buyers' names start with: places, trees, old names.
STEMS = (
    "Rosewood", "Meadowbank", "Oakfield", "Elmhurst", "Riverside", "Thames", "Cedar", "Willow",
    "Greenway", "Hillside", "Ashgrove", "Birchfield", "Lea Valley", "Victoria", "Albion",
    "Kingsway", "Parkview", "Bow", "Hackney", "Stratford", "Poplar", "Walthamstow", "Leyton",
    "Deptford", "Peckham", "Brixton", "Camden", "Islington", "Tottenham", "Harrow", "Ealing",
    "Lewisham", "Woolwich", "Greenwich", "Barking", "Croydon", "Sutton", "Wembley", "Southall",
    "Hounslow", "Enfield", "Bromley", "Ilford", "Romford", "Dalston", "Clapton", "Holloway",
    "Balham", "Tooting", "Streatham", "Kilburn", "Acton", "Hammersmith", "Fulham", "Wandsworth",
    "Battersea", "Shadwell", "Limehouse", "Canning Town", "Plaistow", "Forest Gate", "Manor Park",
    "Highbury", "Finsbury", "Hornsey", "Wood Green", "Edmonton", "Catford", "Sydenham", "Eltham",
    "Erith", "Bexley", "Hampstead", "Kentish Town", "Holborn", "Bermondsey", "Rotherhithe",
    "Vauxhall", "Kennington", "Norwood",
)
# fmt: on
