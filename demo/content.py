"""Demo content for the bilingual (English / Simplified Chinese) news site.

This module holds the demo content loaded by ``manage.py load_demo``:

* ``SEED_ARTICLE``: the one real article, taken from a scraped BIT
  "News&Events" / "Focus" page. Its English title and body are kept verbatim
  from the source; the Chinese version is a translation.
* ``SAMPLE_ARTICLES``: fourteen clearly marked sample articles used to
  demonstrate pagination and the Focus listing. One of them deliberately has no
  Chinese version, to demonstrate the "no Chinese version yet" notice.
* ``SITE_SETTINGS``: bilingual site name, address and copyright line.
* ``DEMO_COLUMNS`` and ``DEMO_TAGS``: the columns (names and slugs in both
  languages) and the tags' Chinese names. Each article names its ``column`` (by
  English slug) and its ``tags`` (by keyword).
* ``SAMPLE_ALT``: the alt text of the samples' stand-in images.
* ``HOME_PAGE`` and ``NEWS_INDEX``: the titles and slugs of the two section pages.

The seed article's source text is kept in ``demo/seed/joint-guidance-center.txt``; a test
checks that the English article is verbatim from it.

Pure data: no Django imports.
"""

import datetime

HOME_PAGE = {"title_en": "Home", "title_zh_hans": "首页", "slug_en": "home", "slug_zh_hans": "home"}
NEWS_INDEX = {
    "title_en": "News&Events",
    "title_zh_hans": "新闻动态",
    "slug_en": "news",
    "slug_zh_hans": "xinwen",
}

SAMPLE_ALT = {
    "en": "Coloured pattern illustrating sample content",
    "zh_hans": "示例内容配图：彩色图案",
}

SEED_ARTICLE = {
    "slug_en": "bit-held-a-preparatory-meeting-for-the-establishment-of-joint-guidance-center",
    "slug_zh_hans": "beiligong-zhaokai-guoji-keji-hezuo-xiangmu-lianhe-zhidao-zhongxin-choujianhui",
    "date": datetime.date(2023, 4, 13),
    "focus": True,
    "focus_pinned": True,  # the one real story stays at the top of Focus and the home page
    "column": "international",
    "tags": ["international cooperation", "young teachers", "research projects"],
    "title_en": (
        "BIT held a preparatory meeting for the establishment of Joint Guidance "
        "Center for International Science and Technology Cooperation Projects"
    ),
    "title_zh_hans": "北理工召开国际科技合作项目联合指导中心筹建会",
    "summary_en": (
        "On April 13th, Beijing Institute of Technology held a preparatory meeting "
        'for the establishment of the "Joint Guidance Center for International '
        'Science and Technology Cooperation Projects", a platform to guide and serve '
        "young teachers in international scientific research cooperation and project "
        "applications. Vice President Wang Bo attended and encouraged young teachers "
        "to align their research with national needs."
    ),
    "summary_zh_hans": (
        "4月13日，北京理工大学召开“国际科技合作项目联合指导中心”筹建会。"
        "该中心将搭建国际交流合作与项目申报指导平台，服务青年教师开展国际科研合作。"
        "学校党委常委、副校长王博出席会议，勉励青年教师让个人学术研究契合国家需求。"
    ),
    "body_en": [
        (
            'On April 13th, the preparatory meeting for the establishment of the "International Science and Technology Cooperation Project Joint Guidance Center" at Beijing Institute of Technology was held in Conference Room 233 of Building 2. Wang Bo, a member of the Standing Committee of the School Party Committee and Vice President, attended the meeting. Representatives from the Institute of Science and Technology, the International Exchange and Cooperation Office, the International Student Center, and some young teachers from the "Barley Club" attended the meeting. The meeting was chaired by Wang Ying, Director of the International Exchange and Cooperation Department and Director of the International Student Center.'
        ),
        (
            "Wang Ying introduced the background and significance of establishing the \"Joint Guidance Center for International Science and Technology Cooperation Projects\", which aims to promote the growth and development of young teachers with the concept of internationalization of all staff, fully leverage the school's high-quality international academic resources and high-level talents' deep overseas academic advantages, and create cooperation opportunities and close cooperation connections by building an international exchange and cooperation and project application guidance platform, Comprehensively serving the needs of young teachers in our school to carry out international scientific research cooperation, further expanding the school's international scientific and technological exchange and cooperation, and enhancing our school's international scientific research strength and international education level."
        ),
        (
            "Yang Fan, Executive Vice President of the Institute of Technology, stated that we will adhere to the guidance of organized scientific research, effectively utilize international scientific and technological resources, strengthen the foundation of international scientific and technological cooperation in the school, collaborate with relevant departments such as the International Exchange and Cooperation Department to build a \"Joint Guidance Center for International Science and Technology Cooperation Projects\", carefully plan, implement precise policies, and provide precise services, and solidly carry out preliminary cultivation work, Throughout the process, guide the school's teachers and teams in applying for international science and technology cooperation projects, improve the level of our school's international science and technology cooperation, provide high-quality services to major national strategic needs, and assist in the construction of world-class universities."
        ),
        (
            "Bao Chenggang, Vice President of the Basic Research Institute of the Academy of Science and Technology, introduced the types, target positioning, application requirements, and processes of national level international scientific and technological cooperation projects. The representatives of young teachers attending the meeting had in-depth exchanges on the application of international (regional) scientific research cooperation and exchange projects based on their respective disciplinary fields and research directions, and put forward opinions and suggestions."
        ),
        (
            'Wang Bo stated that Beijing Institute of Technology always adheres to serving the country as its highest pursuit, cherishing the "greatness of the country" and assuming an outstanding mission. As a member of the "big family" of Beijing Institute of Technology, teachers have vast horizons and infinite opportunities, and there is great potential and will be great achievements in the future. He combined his own scientific research experience and project application experience to effectively utilize various resource platforms for international scientific and technological cooperation, conduct interdisciplinary research, and promote deep integration of industry, academia, research, and application to achieve efficient transformation of scientific and technological achievements. He conducted in-depth discussions and exchanges with attendees, and encouraged young teachers to pay more attention to national and social development trends, so that personal academic research can meet national needs, Integrate personal ideals into social progress, clarify positioning, identify paths, and achieve more outstanding development and transcendence. Wang Bo requested that all relevant departments of the school should rely on the "Joint Guidance Center for International Science and Technology Cooperation Projects", plan their layout in advance, carefully organize and promote, actively build a high-level international science and technology cooperation platform, strive to gather global advantageous resources, serve the growth of teachers, especially young teachers, and make new contributions to the school\'s early establishment of a world-class university.'
        ),
        (
            "The young teachers attending the meeting were deeply encouraged and expressed that they will cherish the platform and opportunities provided by the school, strive to achieve breakthrough results in international scientific and technological cooperation, and actively contribute to the high-quality development of the school and the construction of world-class universities."
        ),
    ],
    "body_zh_hans": [
        "4月13日，北京理工大学“国际科技合作项目联合指导中心”筹建会在2号楼233会议室召开。"
        "学校党委常委、副校长王博出席会议。科学技术研究院、国际交流合作处、国际学生中心相关代表"
        "以及“大麦俱乐部”部分青年教师参加会议。会议由国际交流合作处处长、国际学生中心主任王颖主持。",
        "王颖介绍了成立“国际科技合作项目联合指导中心”的背景和意义。该中心旨在以全员国际化理念"
        "促进青年教师成长发展，充分发挥学校优质国际学术资源和高层次人才深厚的海外学术优势，"
        "通过搭建国际交流合作与项目申报指导平台，创造合作机会、建立紧密合作联系，"
        "全面服务我校青年教师开展国际科研合作的需求，进一步拓展学校国际科技交流与合作，"
        "提升我校国际科研实力和国际化办学水平。",
        "科学技术研究院常务副院长杨帆表示，将坚持有组织科研导向，用好国际科技资源，"
        "夯实学校国际科技合作基础，与国际交流合作处等相关部门共同建设"
        "“国际科技合作项目联合指导中心”，精心谋划、精准施策、精准服务，扎实做好前期培育工作，"
        "全过程指导学校教师和团队申报国际科技合作项目，提升我校国际科技合作水平，"
        "高质量服务国家重大战略需求，助力世界一流大学建设。",
        "科学技术研究院基础研究院副院长鲍承刚介绍了国家级国际科技合作项目的类型、目标定位、"
        "申报要求及流程。与会青年教师代表结合各自学科领域和研究方向，"
        "围绕国际（地区）科研合作与交流项目申报进行了深入交流，并提出了意见和建议。",
        "王博表示，北京理工大学始终坚持以服务国家为最高追求，胸怀“国之大者”，担当卓越使命。"
        "作为北理工“大家庭”的一员，教师们视野广阔、机遇无限，未来大有可为，也必将大有作为。"
        "他结合自身科研经历和项目申报经验，围绕用好各类国际科技合作资源平台、开展交叉学科研究、"
        "推动产学研用深度融合、实现科技成果高效转化等方面，与参会人员进行了深入探讨交流，"
        "并勉励青年教师多关注国家和社会发展大势，让个人学术研究契合国家需求，"
        "把个人理想融入社会进步，明确定位、找准路径，实现更加卓越的发展与超越。"
        "王博要求，学校各相关部门要依托“国际科技合作项目联合指导中心”，提前谋划布局，"
        "精心组织推进，积极搭建高水平国际科技合作平台，努力汇聚全球优势资源，"
        "服务教师特别是青年教师成长，为学校早日建成世界一流大学作出新的贡献。",
        "与会青年教师深受鼓舞，纷纷表示将珍惜学校提供的平台和机遇，"
        "努力在国际科技合作中取得突破性成果，为学校高质量发展和世界一流大学建设积极贡献力量。",
    ],
    "image_caption_en": (
        'The preparatory meeting for the "Joint Guidance Center for International '
        'Science and Technology Cooperation Projects" in Conference Room 233 of Building 2.'
    ),
    "image_caption_zh_hans": "“国际科技合作项目联合指导中心”筹建会在2号楼233会议室召开。",
    "image_alt_en": (
        'Placeholder graphic standing in for the meeting photo: the text "1.png" '
        'and the words "Photo not available" on a coloured background.'
    ),
    "image_alt_zh_hans": "代替会议照片的占位图：彩色背景上显示“1.png”和“Photo not available”（照片暂缺）字样。",
    "source_en": "Beijing Institute of Technology News&Events",
    "source_zh_hans": "北京理工大学英文网“新闻与活动”栏目",
    "writer_en": "",
    "writer_zh_hans": "",
    "photographer_en": "",
    "photographer_zh_hans": "",
    "editor_en": "",
    "editor_zh_hans": "",
}


_SAMPLE_EN = "This is sample content for the demo site."
_SAMPLE_ZH = "本文为演示网站的示例内容。"


SAMPLE_ARTICLES = [
    {
        "slug_en": "sample-library-extends-opening-hours-for-exam-season",
        "slug_zh_hans": "shili-tushuguan-kaoshizhou-yanchang-kaifang-shijian",
        "date": datetime.date(2023, 1, 9),
        "focus": False,
        "column": "campus",
        "tags": ["library", "students"],
        "title_en": "Sample: Library extends opening hours for exam season",
        "title_zh_hans": "示例：图书馆考试周延长开放时间",
        "summary_en": (
            "The university library is staying open later during the end-of-term "
            "exam period so that students have more quiet study space."
        ),
        "summary_zh_hans": "期末考试期间，学校图书馆延长开放时间，为学生提供更多安静的自习空间。",
        "body_en": [
            _SAMPLE_EN + " During the end-of-term exam period, the university "
            "library is extending its opening hours in the evenings and at weekends.",
            "Additional seats have been arranged in the reading rooms, and library "
            "staff remind readers to keep noise to a minimum and to take their "
            "belongings with them when they leave.",
        ],
        "body_zh_hans": [
            _SAMPLE_ZH + "期末考试期间，学校图书馆延长晚间及周末开放时间。",
            "各阅览室增设了自习座位。图书馆工作人员提醒读者保持安静，离馆时随身携带个人物品。",
        ],
        "source_en": "Sample content",
        "source_zh_hans": "示例内容",
        "writer_en": "",
        "writer_zh_hans": "",
        "photographer_en": "",
        "photographer_zh_hans": "",
        "editor_en": "",
        "editor_zh_hans": "",
    },
    {
        "slug_en": "sample-student-volunteers-return-from-winter-teaching-program",
        "slug_zh_hans": "shili-xuesheng-zhiyuanzhe-wancheng-hanjia-zhijiao-huodong",
        "date": datetime.date(2023, 2, 20),
        "focus": True,
        "column": "campus",
        "tags": ["volunteering", "students"],
        "title_en": "Sample: Student volunteers return from winter teaching program",
        "title_zh_hans": "示例：学生志愿者完成寒假支教活动",
        "summary_en": (
            "Student volunteers spent part of the winter vacation teaching classes "
            "at partner schools and shared their experiences after returning to campus."
        ),
        "summary_zh_hans": "学生志愿者利用寒假赴结对学校开展支教活动，返校后分享了支教体会。",
        "body_en": [
            _SAMPLE_EN + " A group of student volunteers spent part of the winter "
            "vacation teaching at partner schools, running classes in science, "
            "English, art and sports.",
            "After returning to campus, the volunteers held a sharing session to "
            "talk about what they had learned and how the program could be improved "
            "next year.",
        ],
        "body_zh_hans": [
            _SAMPLE_ZH
            + "寒假期间，一批学生志愿者赴结对学校开展支教活动，开设科学、英语、美术和体育等课程。",
            "返校后，志愿者们举行了分享会，交流支教收获，并就来年活动的改进提出建议。",
        ],
        "source_en": "Sample content",
        "source_zh_hans": "示例内容",
        "writer_en": "",
        "writer_zh_hans": "",
        "photographer_en": "",
        "photographer_zh_hans": "",
        "editor_en": "",
        "editor_zh_hans": "",
    },
    {
        # Deliberately untranslated: demonstrates the "no Chinese version yet" notice.
        "slug_en": "sample-spring-lecture-series-on-science-and-society-announced",
        "slug_zh_hans": "",
        "date": datetime.date(2023, 3, 15),
        "focus": False,
        "column": "reading-bit",
        "tags": ["lectures"],
        "title_en": "Sample: Spring lecture series on science and society announced",
        "title_zh_hans": "",
        "summary_en": (
            "A new public lecture series on science and society will run on "
            "weekday evenings throughout the spring semester."
        ),
        "summary_zh_hans": "",
        "body_en": [
            _SAMPLE_EN + " The university has announced a public lecture series on "
            "science and society, to be held on weekday evenings throughout the "
            "spring semester.",
            "Speakers from different disciplines will discuss topics such as new "
            "technologies, the environment and the history of science. The lectures "
            "are open to all students and staff, and no registration is required.",
            "The full programme will be published on the news site.",
        ],
        "body_zh_hans": [],
        "source_en": "Sample content",
        "source_zh_hans": "",
        "writer_en": "",
        "writer_zh_hans": "",
        "photographer_en": "",
        "photographer_zh_hans": "",
        "editor_en": "",
        "editor_zh_hans": "",
    },
    {
        "slug_en": "sample-university-signs-cooperation-agreement-with-a-partner-university",
        "slug_zh_hans": "shili-xuexiao-yu-yi-suo-hezuo-daxue-qianshu-hezuo-xieyi",
        "date": datetime.date(2023, 3, 28),
        "focus": True,
        "column": "international",
        "tags": ["international cooperation", "student exchange"],
        "title_en": "Sample: University signs cooperation agreement with a partner university",
        "title_zh_hans": "示例：学校与一所合作大学签署合作协议",
        "summary_en": (
            "The university has signed a cooperation agreement with a partner "
            "university covering student exchange and joint research."
        ),
        "summary_zh_hans": "学校与一所合作大学签署合作协议，双方将在学生交流和联合研究等方面开展合作。",
        "body_en": [
            _SAMPLE_EN + " The university and a partner university have signed a "
            "cooperation agreement at a ceremony held on campus.",
            "Under the agreement, the two universities will explore student exchange, "
            "joint research projects and academic visits, and will set up a working "
            "group to follow up on the cooperation.",
        ],
        "body_zh_hans": [
            _SAMPLE_ZH + "学校与一所合作大学在校园内举行仪式，签署合作协议。",
            "根据协议，双方将在学生交流、联合科研项目和学术互访等方面开展合作，并将成立工作组推进后续合作事宜。",
        ],
        "source_en": "Sample content",
        "source_zh_hans": "示例内容",
        "writer_en": "News Office",
        "writer_zh_hans": "新闻中心",
        "photographer_en": "",
        "photographer_zh_hans": "",
        "editor_en": "",
        "editor_zh_hans": "",
    },
    {
        "slug_en": "sample-campus-sustainability-week-encourages-greener-habits",
        "slug_zh_hans": "shili-xiaoyuan-kechixu-fazhan-zhou-changdao-lvse-shenghuo",
        "date": datetime.date(2023, 4, 22),
        "focus": False,
        "column": "campus",
        "tags": ["sustainability", "students"],
        "title_en": "Sample: Campus sustainability week encourages greener habits",
        "title_zh_hans": "示例：校园可持续发展周倡导绿色生活",
        "summary_en": (
            "A week of activities on campus invited students and staff to save "
            "energy, reduce waste and recycle more."
        ),
        "summary_zh_hans": "校园可持续发展周开展系列活动，倡导师生节约能源、减少浪费、做好垃圾分类。",
        "body_en": [
            _SAMPLE_EN + " The campus sustainability week offered a series of "
            "activities encouraging students and staff to adopt greener habits.",
            "Events included a second-hand book and clothing swap, a workshop on "
            "waste sorting and a cycling day. Student societies also ran stands "
            "with tips on saving energy and water in dormitories and offices.",
        ],
        "body_zh_hans": [
            _SAMPLE_ZH + "校园可持续发展周期间，学校开展了一系列活动，倡导师生养成绿色生活习惯。",
            "活动包括二手图书和衣物交换、垃圾分类工作坊以及骑行日等。学生社团还设置展台，介绍宿舍和办公室节水节电的小窍门。",
        ],
        "source_en": "Sample content",
        "source_zh_hans": "示例内容",
        "writer_en": "",
        "writer_zh_hans": "",
        "photographer_en": "",
        "photographer_zh_hans": "",
        "editor_en": "",
        "editor_zh_hans": "",
    },
    {
        "slug_en": "sample-annual-sports-day-brings-students-and-staff-together",
        "slug_zh_hans": "shili-niandu-yundonghui-rang-shisheng-qiju-saichang",
        "date": datetime.date(2023, 5, 13),
        "focus": False,
        "column": "campus",
        "tags": ["sports"],
        "title_en": "Sample: Annual sports day brings students and staff together",
        "title_zh_hans": "示例：年度运动会让师生齐聚赛场",
        "summary_en": (
            "Students and staff took part in track and field events and team games "
            "at the university's annual sports day."
        ),
        "summary_zh_hans": "学校举行年度运动会，师生踊跃参加田径项目和集体趣味项目。",
        "body_en": [
            _SAMPLE_EN + " The annual sports day was held at the main sports ground, "
            "with teams from schools and departments across the university.",
            "Alongside track and field events, the programme included relay races "
            "and team games for staff. Volunteers helped with timing, first aid "
            "and logistics throughout the day.",
        ],
        "body_zh_hans": [
            _SAMPLE_ZH + "学校年度运动会在主运动场举行，各学院和部门组队参赛。",
            "除田径项目外，运动会还设置了接力赛和教职工集体趣味项目。志愿者全天协助开展计时、医疗保障和后勤服务等工作。",
        ],
        "source_en": "Sample content",
        "source_zh_hans": "示例内容",
        "writer_en": "",
        "writer_zh_hans": "",
        "photographer_en": "",
        "photographer_zh_hans": "",
        "editor_en": "",
        "editor_zh_hans": "",
    },
    {
        "slug_en": "sample-student-teams-compete-in-campus-robotics-contest",
        "slug_zh_hans": "shili-xuesheng-tuandui-jiaozhu-xiaoyuan-jiqiren-dasai",
        "date": datetime.date(2023, 5, 27),
        "focus": True,
        "column": "research",
        "tags": ["robotics", "competitions", "students"],
        "title_en": "Sample: Student teams compete in campus robotics contest",
        "title_zh_hans": "示例：学生团队角逐校园机器人大赛",
        "summary_en": (
            "Student teams designed, built and programmed robots to complete a set "
            "of tasks in the campus robotics contest."
        ),
        "summary_zh_hans": "校园机器人大赛举行，学生团队自主设计、制作并编程机器人，完成指定任务。",
        "body_en": [
            _SAMPLE_EN + " Student teams from several schools took part in the campus "
            "robotics contest, where their robots had to complete a series of tasks "
            "on a shared playing field.",
            "Teams spent weeks designing, building and programming their robots. "
            "The contest also included a poster session where teams explained their "
            "designs to visitors.",
            "Teams with the best results will be recommended to take part in further competitions.",
        ],
        "body_zh_hans": [
            _SAMPLE_ZH
            + "来自多个学院的学生团队参加了校园机器人大赛，参赛机器人需在同一赛场上完成一系列任务。",
            "各参赛团队历时数周，完成了机器人的设计、制作和编程。比赛期间还举办了海报展示环节，由各团队向观众介绍设计思路。",
            "成绩优异的团队将被推荐参加更高级别的比赛。",
        ],
        "source_en": "Sample content",
        "source_zh_hans": "示例内容",
        "writer_en": "News Office",
        "writer_zh_hans": "新闻中心",
        "photographer_en": "",
        "photographer_zh_hans": "",
        "editor_en": "",
        "editor_zh_hans": "",
    },
    {
        "slug_en": "sample-graduation-ceremony-celebrates-the-class-of-2023",
        "slug_zh_hans": "shili-xuexiao-juxing-2023-jie-biye-dianli",
        "date": datetime.date(2023, 6, 28),
        "focus": True,
        "column": "reading-bit",
        "tags": ["graduation", "students"],
        "title_en": "Sample: Graduation ceremony celebrates the class of 2023",
        "title_zh_hans": "示例：学校举行2023届毕业典礼",
        "summary_en": (
            "Graduates, families, faculty and staff gathered on campus to celebrate "
            "the class of 2023 at the graduation ceremony."
        ),
        "summary_zh_hans": "学校举行2023届毕业典礼，毕业生、家长和师生齐聚校园，共同庆祝这一重要时刻。",
        "body_en": [
            _SAMPLE_EN + " The university held its graduation ceremony for the class "
            "of 2023, with graduates, families, faculty and staff in attendance.",
            "Graduates received their degree certificates on stage, and the ceremony "
            "closed with the singing of the university song. Many graduates then "
            "took photos with classmates and teachers around the campus.",
        ],
        "body_zh_hans": [
            _SAMPLE_ZH + "学校举行2023届毕业典礼，毕业生、家长及师生代表出席。",
            "毕业生依次上台领取学位证书，典礼在校歌声中落下帷幕。典礼结束后，许多毕业生与同学和老师在校园各处合影留念。",
        ],
        "source_en": "Sample content",
        "source_zh_hans": "示例内容",
        "writer_en": "",
        "writer_zh_hans": "",
        "photographer_en": "News Office",
        "photographer_zh_hans": "新闻中心",
        "editor_en": "",
        "editor_zh_hans": "",
    },
    {
        "slug_en": "sample-campus-open-day-welcomes-prospective-students-and-families",
        "slug_zh_hans": "shili-xiaoyuan-kaifangri-yinglai-kaosheng-he-jiazhang",
        "date": datetime.date(2023, 7, 10),
        "focus": False,
        "column": "campus",
        "tags": ["admissions"],
        "title_en": "Sample: Campus open day welcomes prospective students and families",
        "title_zh_hans": "示例：校园开放日迎来考生和家长",
        "summary_en": (
            "Prospective students and their families visited the campus to learn "
            "about degree programmes, laboratories and student life."
        ),
        "summary_zh_hans": "校园开放日期间，考生和家长走进校园，了解专业设置、实验室和学生生活。",
        "body_en": [
            _SAMPLE_EN + " The university opened its doors to prospective students "
            "and their families for the annual campus open day.",
            "Visitors toured teaching buildings, laboratories and dormitories, and "
            "admissions staff from each school answered questions about degree "
            "programmes and applications.",
        ],
        "body_zh_hans": [
            _SAMPLE_ZH + "学校举办年度校园开放日，迎接考生和家长走进校园。",
            "来访者参观了教学楼、实验室和学生宿舍，各学院招生工作人员现场解答有关专业设置和报考的问题。",
        ],
        "source_en": "Sample content",
        "source_zh_hans": "示例内容",
        "writer_en": "",
        "writer_zh_hans": "",
        "photographer_en": "",
        "photographer_zh_hans": "",
        "editor_en": "",
        "editor_zh_hans": "",
    },
    {
        "slug_en": "sample-new-laboratory-building-opens-for-the-autumn-semester",
        "slug_zh_hans": "shili-xin-shiyanlou-qiuji-xueqi-qiyong",
        "date": datetime.date(2023, 8, 30),
        "focus": False,
        "column": "research",
        "tags": ["laboratories"],
        "title_en": "Sample: New laboratory building opens for the autumn semester",
        "title_zh_hans": "示例：新实验楼秋季学期启用",
        "summary_en": (
            "A new laboratory building with teaching labs, shared equipment rooms "
            "and study spaces is ready for use at the start of the autumn semester."
        ),
        "summary_zh_hans": "新实验楼将于秋季学期开学时投入使用，楼内设有教学实验室、公共仪器室和学习空间。",
        "body_en": [
            _SAMPLE_EN + " A new laboratory building will open at the start of the "
            "autumn semester.",
            "The building houses teaching laboratories, shared equipment rooms and "
            "open study spaces. Safety training sessions will be arranged for all "
            "users before the laboratories are used.",
        ],
        "body_zh_hans": [
            _SAMPLE_ZH + "新实验楼将于秋季学期开学时正式启用。",
            "楼内设有教学实验室、公共仪器室和开放式学习空间。实验室投入使用前，学校将为所有使用者安排安全培训。",
        ],
        "source_en": "Sample content",
        "source_zh_hans": "示例内容",
        "writer_en": "",
        "writer_zh_hans": "",
        "photographer_en": "",
        "photographer_zh_hans": "",
        "editor_en": "",
        "editor_zh_hans": "",
    },
    {
        "slug_en": "sample-freshman-orientation-week-helps-new-students-settle-in",
        "slug_zh_hans": "shili-xinsheng-ruxue-jiaoyu-zhou-zhuli-xinsheng-shiying-xiaoyuan-shenghuo",
        "date": datetime.date(2023, 9, 5),
        "focus": True,
        "column": "campus",
        "tags": ["orientation", "students"],
        "title_en": "Sample: Freshman orientation week helps new students settle in",
        "title_zh_hans": "示例：新生入学教育周助力新生适应校园生活",
        "summary_en": (
            "New students took part in campus tours, safety briefings and "
            "introductions to their schools during freshman orientation week."
        ),
        "summary_zh_hans": "新生入学教育周期间，新生参加了校园参观、安全教育和学院介绍等活动。",
        "body_en": [
            _SAMPLE_EN + " Freshman orientation week welcomed new students to campus "
            "with a programme of activities to help them settle in.",
            "Activities included campus tours, library introductions, safety "
            "briefings and meetings with academic advisers. Student societies also "
            "held a fair to introduce their clubs.",
        ],
        "body_zh_hans": [
            _SAMPLE_ZH
            + "新生入学教育周期间，学校为新生安排了一系列活动，帮助他们尽快适应校园生活。",
            "活动包括校园参观、图书馆使用介绍、安全教育以及与学业导师见面等。学生社团还举办了招新活动，向新生介绍各社团情况。",
        ],
        "source_en": "Sample content",
        "source_zh_hans": "示例内容",
        "writer_en": "",
        "writer_zh_hans": "",
        "photographer_en": "",
        "photographer_zh_hans": "",
        "editor_en": "News Office",
        "editor_zh_hans": "新闻中心",
    },
    {
        "slug_en": "sample-alumni-return-to-campus-for-homecoming-day",
        "slug_zh_hans": "shili-xiaoyou-chongfan-xiaoyuan-gongdu-fanxiaori",
        "date": datetime.date(2023, 10, 14),
        "focus": False,
        "column": "reading-bit",
        "tags": ["alumni"],
        "title_en": "Sample: Alumni return to campus for homecoming day",
        "title_zh_hans": "示例：校友重返校园共度返校日",
        "summary_en": (
            "Alumni from different graduating years came back to campus to meet "
            "former classmates and teachers and to see how the university has changed."
        ),
        "summary_zh_hans": "不同届别的校友重返校园，与昔日同学和老师相聚，感受母校的发展变化。",
        "body_en": [
            _SAMPLE_EN + " Alumni from many graduating years returned to campus for "
            "homecoming day.",
            "The programme included campus tours, reunions organised by schools and "
            "departments, and informal talks in which alumni shared career advice "
            "with current students.",
        ],
        "body_zh_hans": [
            _SAMPLE_ZH + "校友返校日当天，来自不同届别的校友重返母校。",
            "活动包括校园参观、各学院和部门组织的校友聚会，以及校友与在校学生的座谈交流，校友们与学弟学妹分享了职业发展经验。",
        ],
        "source_en": "Sample content",
        "source_zh_hans": "示例内容",
        "writer_en": "",
        "writer_zh_hans": "",
        "photographer_en": "",
        "photographer_zh_hans": "",
        "editor_en": "",
        "editor_zh_hans": "",
    },
    {
        "slug_en": "sample-student-art-and-design-exhibition-opens-on-campus",
        "slug_zh_hans": "shili-xuesheng-yishu-sheji-zuopinzhan-zai-xiaoyuan-kaizhan",
        "date": datetime.date(2023, 11, 16),
        "focus": False,
        "column": "campus",
        "tags": ["art and design", "students"],
        "title_en": "Sample: Student art and design exhibition opens on campus",
        "title_zh_hans": "示例：学生艺术设计作品展在校园开展",
        "summary_en": (
            "An exhibition of student work in painting, photography and industrial "
            "design is open to visitors on campus."
        ),
        "summary_zh_hans": "学生艺术设计作品展在校园开展，展出学生的绘画、摄影和工业设计作品。",
        "body_en": [
            _SAMPLE_EN + " An exhibition of student art and design work has opened "
            "in the exhibition hall on campus.",
            "The exhibition brings together paintings, photographs, posters and "
            "industrial design models created by students from different schools. "
            "It is open to all students, staff and visitors.",
        ],
        "body_zh_hans": [
            _SAMPLE_ZH + "学生艺术设计作品展在校园展厅开展。",
            "展览汇集了来自不同学院学生创作的绘画、摄影、海报和工业设计模型等作品，面向全体师生和来访者开放。",
        ],
        "source_en": "Sample content",
        "source_zh_hans": "示例内容",
        "writer_en": "",
        "writer_zh_hans": "",
        "photographer_en": "News Office",
        "photographer_zh_hans": "新闻中心",
        "editor_en": "",
        "editor_zh_hans": "",
    },
    {
        "slug_en": "sample-interdisciplinary-research-seminar-brings-together-young-researchers",
        "slug_zh_hans": "shili-kuaxueke-yanjiu-yantaohui-huiju-qingnian-xuezhe",
        "date": datetime.date(2023, 12, 8),
        "focus": False,
        "column": "research",
        "tags": ["research projects", "young teachers"],
        "title_en": "Sample: Interdisciplinary research seminar brings together young researchers",
        "title_zh_hans": "示例：跨学科研究研讨会汇聚青年学者",
        "summary_en": (
            "Young researchers from several disciplines presented their work and "
            "discussed possible collaborations at an interdisciplinary research seminar."
        ),
        "summary_zh_hans": "跨学科研究研讨会举行，来自多个学科的青年学者报告研究进展，探讨合作可能。",
        "body_en": [
            _SAMPLE_EN + " An interdisciplinary research seminar was held on campus, "
            "bringing together young researchers from several disciplines.",
            "Participants gave short presentations on their current work, followed "
            "by group discussions on shared research questions and possible "
            "collaborations.",
            "Organisers plan to hold similar seminars regularly.",
        ],
        "body_zh_hans": [
            _SAMPLE_ZH + "学校举办跨学科研究研讨会，来自多个学科的青年学者齐聚一堂。",
            "与会者简要报告了各自的研究进展，随后围绕共同关注的研究问题和潜在合作方向进行了分组讨论。",
            "主办方计划定期举办此类研讨会。",
        ],
        "source_en": "Sample content",
        "source_zh_hans": "示例内容",
        "writer_en": "",
        "writer_zh_hans": "",
        "photographer_en": "",
        "photographer_zh_hans": "",
        "editor_en": "",
        "editor_zh_hans": "",
    },
]


SITE_SETTINGS = {
    "site_name_en": "Beijing Institute of Technology News",
    "site_name_zh_hans": "北京理工大学新闻网",
    "address_en": "No. 5 Zhongguancun South Street, Haidian District, Beijing 100081, China",
    "address_zh_hans": "北京市海淀区中关村南大街5号，邮编100081",
    "copyright_en": "Copyright © Beijing Institute of Technology. All rights reserved.",
    "copyright_zh_hans": "版权所有 © 北京理工大学",
    # Shared by both languages. To be confirmed by the communications office before launch.
    "phone": "+86 10 6891 3345",
    "filing_number": "京ICP备05065315号",
    # Baidu map (BD-09) coordinates of the Zhongguancun campus, approximate.
    "map_latitude": "39.965200",
    "map_longitude": "116.322600",
    "map_label_en": "Beijing Institute of Technology, Zhongguancun Campus",
    "map_label_zh_hans": "北京理工大学中关村校区",
}


DEMO_COLUMNS = [
    {
        "slug_en": "campus",
        "slug_zh_hans": "xiaoyuan",
        "name_en": "Campus",
        "name_zh_hans": "校园动态",
        "description_en": "Life on campus: students, staff, events and services.",
        "description_zh_hans": "校园生活：师生、活动与服务。",
    },
    {
        "slug_en": "research",
        "slug_zh_hans": "keyan",
        "name_en": "Research",
        "name_zh_hans": "科研进展",
        "description_en": "News from the university's schools, institutes and laboratories.",
        "description_zh_hans": "学校各学院、研究院和实验室的科研动态。",
    },
    {
        "slug_en": "international",
        "slug_zh_hans": "guoji",
        "name_en": "International",
        "name_zh_hans": "国际交流",
        "description_en": "International cooperation, partner universities and exchanges.",
        "description_zh_hans": "国际合作、合作院校与交流往来。",
    },
    {
        "slug_en": "reading-bit",
        "slug_zh_hans": "dudong-beiligong",
        "name_en": "Reading BIT",
        "name_zh_hans": "读懂北理",
        "description_en": "Stories of the university's people, history and traditions.",
        "description_zh_hans": "讲述北理工的人物、历史与传统。",
    },
]

# Keyword (as editors type it) → its Chinese name.
DEMO_TAGS = {
    "admissions": "招生",
    "alumni": "校友",
    "art and design": "艺术设计",
    "competitions": "竞赛",
    "graduation": "毕业典礼",
    "international cooperation": "国际合作",
    "laboratories": "实验室",
    "lectures": "讲座",
    "library": "图书馆",
    "orientation": "入学教育",
    "research projects": "科研项目",
    "robotics": "机器人",
    "sports": "体育",
    "student exchange": "学生交流",
    "students": "学生",
    "sustainability": "可持续发展",
    "volunteering": "志愿服务",
    "young teachers": "青年教师",
}

# Events (News&Events › Events): days from the day the demo is loaded, so that it shows two
# coming and two past. Sample content, like the sample articles.
EVENTS_INDEX = {
    "title_en": "Events",
    "title_zh_hans": "活动",
    "slug_en": "events",
    "slug_zh_hans": "huodong",
    "intro_en": "Talks, conferences and open days on campus and online.",
    "intro_zh_hans": "校园内外及线上的讲座、会议和开放日。",
}
SAMPLE_EVENTS = [
    {
        "slug_en": "robotics-lecture",
        "slug_zh_hans": "jiqiren-jiangzuo",
        "title_en": "Sample: Lecture: robots that learn to walk",
        "title_zh_hans": "示例：讲座：学会行走的机器人",
        "summary_en": "A public lecture on legged robots and how they learn. " + _SAMPLE_EN,
        "summary_zh_hans": "关于足式机器人及其学习方法的公开讲座。" + _SAMPLE_ZH,
        "body_en": ["The lecture is open to all students and staff. " + _SAMPLE_EN],
        "body_zh_hans": ["讲座面向全体师生开放。" + _SAMPLE_ZH],
        "days": 5,
        "hour": 14,
        "hours": 2,
        "all_day": False,
        "venue_en": "Central Lecture Hall, Zhongguancun Campus",
        "venue_zh_hans": "中关村校区中心教学楼报告厅",
        "speakers_en": "Prof. Zhang Ming\nDr. Sarah Miller",
        "speakers_zh_hans": "张明教授\n莎拉·米勒博士",
        "organiser_en": "School of Mechatronical Engineering",
        "organiser_zh_hans": "机电学院",
        "registration_url": "https://example.edu.cn/events/register",
        "online_url": "",
    },
    {
        "slug_en": "open-day",
        "slug_zh_hans": "kaifangri",
        "title_en": "Sample: Campus open day",
        "title_zh_hans": "示例：校园开放日",
        "summary_en": "Laboratories and libraries open their doors to visitors. " + _SAMPLE_EN,
        "summary_zh_hans": "实验室和图书馆向来访者开放。" + _SAMPLE_ZH,
        "body_en": ["Guided tours leave from the main gate every hour. " + _SAMPLE_EN],
        "body_zh_hans": ["每小时从正门出发一次导览。" + _SAMPLE_ZH],
        "days": 12,
        "hour": 0,
        "hours": 0,
        "all_day": True,
        "venue_en": "Liangxiang Campus",
        "venue_zh_hans": "良乡校区",
        "speakers_en": "",
        "speakers_zh_hans": "",
        "organiser_en": "Admissions Office",
        "organiser_zh_hans": "招生办公室",
        "registration_url": "",
        "online_url": "",
    },
    {
        "slug_en": "space-forum",
        "slug_zh_hans": "hangtian-luntan",
        "title_en": "Sample: Forum on deep-space exploration",
        "title_zh_hans": "示例：深空探测论坛",
        "summary_en": "Researchers discuss the next missions. " + _SAMPLE_EN,
        "summary_zh_hans": "研究人员探讨下一步的探测任务。" + _SAMPLE_ZH,
        "body_en": ["The forum was streamed online. " + _SAMPLE_EN],
        "body_zh_hans": ["论坛进行了线上直播。" + _SAMPLE_ZH],
        "days": -10,
        "hour": 9,
        "hours": 6,
        "all_day": False,
        "venue_en": "International Conference Centre",
        "venue_zh_hans": "国际会议中心",
        "speakers_en": "Prof. Wang Fang",
        "speakers_zh_hans": "王芳教授",
        "organiser_en": "School of Aerospace Engineering",
        "organiser_zh_hans": "宇航学院",
        "registration_url": "",
        "online_url": "https://example.edu.cn/live/space-forum",
    },
    {
        "slug_en": "alumni-concert",
        "slug_zh_hans": "xiaoyou-yinyuehui",
        "title_en": "Sample: Alumni concert",
        "title_zh_hans": "示例：校友音乐会",
        "summary_en": "Alumni and students played together. " + _SAMPLE_EN,
        "summary_zh_hans": "校友与在校生同台演出。" + _SAMPLE_ZH,
        "body_en": ["The concert closed the alumni week. " + _SAMPLE_EN],
        "body_zh_hans": ["音乐会为校友周画上句号。" + _SAMPLE_ZH],
        "days": -40,
        "hour": 19,
        "hours": 2,
        "all_day": False,
        "venue_en": "Student Activity Centre",
        "venue_zh_hans": "学生活动中心",
        "speakers_en": "",
        "speakers_zh_hans": "",
        "organiser_en": "Alumni Association",
        "organiser_zh_hans": "校友会",
        "registration_url": "",
        "online_url": "",
    },
]

# One sample story also shows a gallery and a table (body blocks), in both languages.
RICH_STORY = "sample-library-extends-opening-hours-for-exam-season"
RICH_STORY_GALLERY = {
    "title_en": "The library at night",
    "title_zh_hans": "夜晚的图书馆",
    "photos": [
        {
            "alt_en": "Reading room with students",
            "alt_zh_hans": "坐满学生的阅览室",
            "caption_en": "The main reading room",
            "caption_zh_hans": "主阅览室",
        },
        {
            "alt_en": "Bookshelves",
            "alt_zh_hans": "书架",
            "caption_en": "Open stacks",
            "caption_zh_hans": "开架书库",
        },
        {
            "alt_en": "Study carrels",
            "alt_zh_hans": "自习座位",
            "caption_en": "Quiet study carrels",
            "caption_zh_hans": "安静的自习座位",
        },
    ],
    "credit_en": "News Office (sample)",
    "credit_zh_hans": "新闻中心（示例）",
}
RICH_STORY_TABLE = {
    "caption_en": "Opening hours in exam season (sample)",
    "caption_zh_hans": "考试周开放时间（示例）",
    "rows_en": [
        ["Day", "Opens", "Closes"],
        ["Monday–Friday", "07:00", "24:00"],
        ["Weekend", "08:00", "22:00"],
    ],
    "rows_zh_hans": [
        ["日期", "开馆", "闭馆"],
        ["周一至周五", "07:00", "24:00"],
        ["周末", "08:00", "22:00"],
    ],
}
# The site's own pages (news/models/site_pages.py), ticked "Show in menus": About and Contact
# in the navigation, the accessibility statement and Contact in About's footer link group.
ABOUT_PAGE = {
    "title_en": "About",
    "title_zh_hans": "关于我们",
    "slug_en": "about",
    "slug_zh_hans": "guanyu",
    "intro_en": "The news office of Beijing Institute of Technology.",
    "intro_zh_hans": "北京理工大学新闻中心。",
    "body_en": [
        "The news office reports on research, teaching and campus life at the university, in "
        "English and Chinese.",
        _SAMPLE_EN,
    ],
    "body_zh_hans": ["新闻中心以中英文报道学校的科研、教学和校园生活。", _SAMPLE_ZH],
}
ACCESSIBILITY_PAGE = {
    "title_en": "Accessibility statement",
    "title_zh_hans": "无障碍声明",
    "slug_en": "accessibility",
    "slug_zh_hans": "wuzhangai",
    "intro_en": "We want everyone to be able to read this site.",
    "intro_zh_hans": "我们希望每个人都能阅读本网站。",
    "body_en": [
        "This site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level "
        "AA. Every page is checked with automated tests (axe, the Nu HTML checker and "
        "Lighthouse) in both languages.",
        "Pages work with a keyboard and a screen reader, images have text alternatives, and "
        "the text can be enlarged to 200% without loss of content.",
        "If you find something you cannot use, write to us through the contact page: we "
        "answer within five working days.",
    ],
    "body_zh_hans": [
        "本网站力求符合《Web内容无障碍指南》(WCAG) 2.2 AA级。每个页面的两种语言版本都经过自动化测试"
        "（axe、Nu HTML检查器和Lighthouse）。",
        "页面可以用键盘和读屏软件操作，图片有替代文字，文字可放大到200%而不丢失内容。",
        "如果您发现无法使用的内容，请通过联系页面告诉我们：我们会在五个工作日内答复。",
    ],
}
CONTACT_PAGE = {
    "title_en": "Contact",
    "title_zh_hans": "联系我们",
    "slug_en": "contact",
    "slug_zh_hans": "lianxi",
    "intro_en": "Write to the news office: story ideas, corrections and media enquiries.",
    "intro_zh_hans": "给新闻中心写信：新闻线索、更正和媒体咨询。",
    "thank_you_text_en": "Thank you: your message has reached the news office.",
    "thank_you_text_zh_hans": "谢谢，您的留言已送达新闻中心。",
    "to_address": "news@example.edu.cn",
    "subject": "Message from the contact form",
    "fields": [  # (English label, Chinese label, Wagtail's field type)
        ("Your name", "您的姓名", "singleline"),
        ("Your e-mail", "您的电子邮件", "email"),
        ("Message", "留言", "multiline"),
    ],
}
