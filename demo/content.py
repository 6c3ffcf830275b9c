"""Demo content for the bilingual (English / Simplified Chinese) news site.

This module holds the demo content loaded by ``manage.py load_demo``:

* ``SEED_ARTICLE``: the one real article, taken from a scraped BIT
  "News&Events" / "Focus" page. Its English title and body are kept verbatim
  from the source; the Chinese version is a translation.
* ``SAMPLE_ARTICLES``: fourteen more stories, written for the demo as a university's news
  office would, to demonstrate the listings, pagination and Focus. One of them
  deliberately has no Chinese version, to demonstrate the "no Chinese version yet" notice;
  three are notices without a lead photo.
* ``PHOTOS``: the demo's photographs, public-domain and CC0 files of the scikit-image
  package (see ``demo/photos.py``), with their crop and their credit in both languages.
* ``SAMPLE_EVENTS``, ``RICH_STORY``: four events, and the story that also shows a gallery
  and a table.
* ``SITE_SETTINGS``: bilingual site name, address and copyright line.
* ``DEMO_COLUMNS`` and ``DEMO_TAGS``: the columns (names and slugs in both
  languages) and the tags' Chinese names. Each article names its ``column`` (by
  English slug) and its ``tags`` (by keyword).
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
    # No photograph of the meeting came with the source page (its "1.png" is a broken-image
    # icon, kept in demo/seed/): the demo illustrates the story with a photo of its subject,
    # said to be an illustration.
    "photo": "deep-field",
    "image_caption_en": (
        "Illustration: the Hubble eXtreme Deep Field, the Hubble Space Telescope's deepest "
        "view of the universe."
    ),
    "image_caption_zh_hans": "配图：哈勃极深场，哈勃空间望远镜对宇宙最深远的观测。",
    "image_alt_en": "Thousands of galaxies of many shapes and colours scattered across a black sky.",
    "image_alt_zh_hans": "黑色天幕上散布着成千上万个形状、颜色各异的星系。",
    "source_en": "Beijing Institute of Technology News&Events",
    "source_zh_hans": "北京理工大学英文网“新闻与活动”栏目",
    "writer_en": "",
    "writer_zh_hans": "",
    "photographer_en": "",
    "photographer_zh_hans": "",
    "editor_en": "",
    "editor_zh_hans": "",
}


# The demo's photographs (load_demo makes them with demo/photos.py): files shipped inside the
# scikit-image wheel (skimage/data/, requirements/dev.txt), each public domain or CC0 as the
# docstring of the scikit-image function that loads it says (skimage/data/_fetchers.py; a test
# checks it). `box` is the crop (left, upper, right, lower) in the file's pixels; `title` names
# the image in the admin's library (and finds it again on a later run); the credit is shown
# under the photo ("Photo: ...") in each language.
PHOTOS = {
    "deep-field": {
        "file": "hubble_deep_field.jpg",
        "box": (0, 123, 1000, 748),
        "title": "Hubble eXtreme Deep Field",
        "credit_en": "NASA (public domain)",
        "credit_zh_hans": "NASA（公有领域）",
    },
    "galaxies": {
        "file": "hubble_deep_field.jpg",
        "box": (20, 240, 500, 600),
        "title": "Galaxies of the Hubble eXtreme Deep Field",
        "credit_en": "NASA (public domain)",
        "credit_zh_hans": "NASA（公有领域）",
    },
    "rocket": {
        "file": "rocket.jpg",
        "box": (0, 0, 640, 400),
        "title": "Falcon 9 before the DSCOVR launch",
        "credit_en": "SpaceX (public domain)",
        "credit_zh_hans": "SpaceX（公有领域）",
    },
    "astronaut": {
        "file": "astronaut.png",
        "box": (0, 0, 512, 384),
        "title": "Astronaut Eileen Collins",
        "credit_en": "NASA (public domain)",
        "credit_zh_hans": "NASA（公有领域）",
    },
    "coffee": {
        "file": "coffee.png",
        "box": (0, 0, 600, 375),
        "title": "Espresso on a red saucer",
        "credit_en": "Rachel Michetti (CC0)",
        "credit_zh_hans": "Rachel Michetti（CC0）",
    },
    "cat": {
        "file": "chelsea.png",
        "box": (0, 9, 451, 291),
        "title": "Tabby cat",
        "credit_en": "Stefan van der Walt (CC0)",
        "credit_zh_hans": "Stefan van der Walt（CC0）",
    },
    "gravel": {
        "file": "gravel.png",
        "box": (0, 96, 512, 416),
        "title": "Gravel",
        "credit_en": "CC0 Textures (CC0)",
        "credit_zh_hans": "CC0 Textures（CC0）",
    },
    "grass": {
        "file": "grass.png",
        "box": (0, 96, 512, 416),
        "title": "Grass",
        "credit_en": "linolafett (CC0)",
        "credit_zh_hans": "linolafett（CC0）",
    },
    "clock": {
        "file": "clock_motion.png",
        "box": (0, 25, 400, 275),
        "title": "Wall clock, blurred",
        "credit_en": "Stefan van der Walt (public domain)",
        "credit_zh_hans": "Stefan van der Walt（公有领域）",
    },
    "cell": {
        "file": "cell.png",
        "box": (0, 208, 550, 552),
        "title": "Cell, quantitative phase image",
        "credit_en": "Paul Müller et al. (CC0)",
        "credit_zh_hans": "Paul Müller 等（CC0）",
    },
    "brick": {
        "file": "brick.png",
        "box": (0, 96, 512, 416),
        "title": "Brick wall",
        "credit_en": "CC0 Textures (CC0)",
        "credit_zh_hans": "CC0 Textures（CC0）",
    },
    "camera": {
        "file": "camera.png",
        "box": (0, 40, 512, 360),
        "title": "Photographer with a tripod",
        "credit_en": "Lav Varshney (CC0)",
        "credit_zh_hans": "Lav Varshney（CC0）",
    },
    "retina": {
        "file": "retina.jpg",
        "box": (0, 264, 1411, 1146),
        "title": "Fundus photograph of a healthy eye",
        "credit_en": "Mikael Häggström (CC0)",
        "credit_zh_hans": "Mikael Häggström（CC0）",
    },
}


# Each names its lead photo (a PHOTOS key; None: a notice without one) and that photo's alt
# text and caption in each language.
SAMPLE_ARTICLES = [
    {
        # Deliberately untranslated: demonstrates the "no Chinese version yet" notice.
        "slug_en": "international-students-sign-up-for-a-chinese-language-partner",
        "slug_zh_hans": "",
        "date": datetime.date(2023, 3, 15),
        "focus": False,
        "column": "international",
        "tags": ["student exchange"],
        "title_en": "International students: sign up for a Chinese language partner",
        "title_zh_hans": "",
        "summary_en": (
            "The International Student Center pairs each international student who asks with "
            "a Chinese student, for an hour of conversation a week in both languages."
        ),
        "summary_zh_hans": "",
        "body_en": [
            "The International Student Center has opened sign-ups for this semester's language "
            "partner programme. Each international student is paired with a Chinese student of "
            "a similar subject, and the two meet for an hour a week: half an hour in Chinese, "
            "half an hour in English or the partner's own language.",
            "Sign up by 31 March at the International Student Center in Building 2 or through "
            "its mini-program. Pairs will be announced in the first week of April, with a "
            "welcome evening for everyone taking part.",
            "Last semester 160 pairs took part, and many said the weekly meeting was the part "
            "of the week they looked forward to most.",
        ],
        "body_zh_hans": [],
        "photo": None,
    },
    {
        "slug_en": "student-exchange-agreement-signed-with-a-european-partner-university",
        "slug_zh_hans": "xuexiao-yu-ouzhou-hezuo-daxue-qianshu-xuesheng-jiaoliu-xieyi",
        "date": datetime.date(2023, 3, 28),
        "focus": False,
        "column": "international",
        "tags": ["international cooperation", "student exchange"],
        "title_en": "Student exchange agreement signed with a European partner university",
        "title_zh_hans": "学校与欧洲一所合作大学签署学生交流协议",
        "summary_en": (
            "From the autumn semester, up to twenty undergraduates a year will spend a "
            "semester at the partner university, with their credits recognised at home."
        ),
        "summary_zh_hans": "自秋季学期起，每年最多20名本科生可赴该合作大学交流学习一学期，所修学分回校认定。",
        "body_en": [
            "The university has signed a student exchange agreement with a partner university "
            "in Europe, at a ceremony attended by the international offices and engineering "
            "schools of both universities.",
            "Under the agreement, up to twenty undergraduates from each side will spend a "
            "semester at the other university every year, with no extra tuition fees, and the "
            "credits they earn will be recognised at home. The first exchange students leave "
            "in the autumn semester.",
            "The two universities also agreed to hold a joint summer school on engineering "
            "design and to look for joint research projects for young teachers.",
        ],
        "body_zh_hans": [
            "学校与欧洲一所合作大学签署学生交流协议，双方国际交流部门和工程类学院代表出席签约仪式。",
            "根据协议，双方每年各选派最多20名本科生赴对方学校交流学习一学期，免交额外学费，所修学分回校认定。"
            "首批交流学生将于秋季学期出发。",
            "双方还商定联合举办工程设计暑期学校，并为青年教师寻找联合科研项目。",
        ],
        "photo": None,
        "writer_en": "News Office",
        "writer_zh_hans": "新闻中心",
        # The demo's corrections (news/models/corrections.py): one per language version.
        "corrections": [
            {
                "date": datetime.date(2023, 3, 30),
                "kind": "correction",
                "language": "en",
                "text": "Students pay no extra tuition fees to the partner university; they "
                "still pay their usual fees at home.",
                "was": "with no extra tuition fees",
            },
            {
                "date": datetime.date(2023, 3, 30),
                "kind": "correction",
                "language": "zh-hans",
                "text": "交流学生无需向合作大学缴纳额外学费，但仍在本校正常缴费。",
                "was": "免交额外学费",
            },
        ],
    },
    {
        "slug_en": "gravel-paths-and-rain-gardens-help-the-campus-soak-up-summer-storms",
        "slug_zh_hans": "haimian-xiaoyuan-lishi-budao-yu-yushui-huayuan-yingjie-xunqi",
        "date": datetime.date(2023, 4, 22),
        "focus": False,
        "column": "campus",
        "tags": ["sustainability"],
        "title_en": "Gravel paths and rain gardens help the campus soak up summer storms",
        "title_zh_hans": "“海绵校园”建设：砾石步道与雨水花园迎接汛期",
        "summary_en": (
            "Before the rainy season, the concrete paths around the sports ground have been "
            "replaced with gravel, and two rain gardens now take the water from the library roof."
        ),
        "summary_zh_hans": "汛期来临前，运动场周边的水泥步道换铺为砾石步道，两处雨水花园开始收集图书馆屋顶的雨水。",
        "body_en": [
            "A summer storm in Beijing can bring a month's rain in an afternoon. To keep water "
            "off the roads and out of basements, the university has replaced 1.2 kilometres of "
            "concrete paths around the sports ground with gravel, which lets the rain soak into "
            "the ground.",
            "Two rain gardens beside the library now collect the water from its roof. Planted "
            "with grasses and shrubs that bear both flood and drought, they hold the water for "
            "a day and let it seep away slowly.",
            "Finished in time for Earth Day, the works are part of the university's sponge "
            "campus plan. Civil engineering students will measure how much rain they keep this "
            "summer, as part of their coursework.",
        ],
        "body_zh_hans": [
            "北京夏季的一场暴雨，一个下午就可能降下一个月的雨量。为防止道路积水、地下室进水，"
            "学校将运动场周边1.2公里的水泥步道换铺为砾石步道，让雨水渗入地下。",
            "图书馆旁新建的两处雨水花园收集屋顶雨水。花园种植了耐涝又耐旱的草本和灌木，可蓄水一天，再让雨水慢慢下渗。",
            "这些工程赶在世界地球日前完工，是学校“海绵校园”规划的一部分。"
            "土木工程专业的学生将在今夏测量其蓄水量，作为课程实践的一部分。",
        ],
        "photo": "gravel",
        "image_alt_en": "Close-up of gravel, in black and white.",
        "image_alt_zh_hans": "砾石特写（黑白照片）。",
    },
    {
        "slug_en": "football-pitch-reopens-with-natural-grass-before-sports-day",
        "slug_zh_hans": "zuqiuchang-huanpu-tianran-caoping-yundonghui-qian-chongxin-kaifang",
        "date": datetime.date(2023, 5, 13),
        "focus": False,
        "column": "campus",
        "tags": ["sports", "students"],
        "title_en": "Football pitch reopens with natural grass before sports day",
        "title_zh_hans": "足球场换铺天然草坪，运动会前重新开放",
        "summary_en": (
            "After two months of work, the football pitch of the main sports ground has natural "
            "grass again, in time for the annual sports day on 20 May."
        ),
        "summary_zh_hans": "经过两个月施工，主运动场足球场重新铺上天然草坪，赶在5月20日校运动会前重新开放。",
        "body_en": [
            "The football pitch of the main sports ground reopened this week with natural "
            "grass, in place of the artificial turf laid fifteen years ago. The new pitch "
            "drains faster and stays cooler on hot days.",
            "Teams can book the pitch up to a week ahead through the sports centre's booking "
            "system. To let the grass take root, studded boots are allowed only from June.",
            "The first event on the new grass is the annual sports day on 20 May, with track "
            "and field events, relays and team games for students and staff.",
        ],
        "body_zh_hans": [
            "主运动场足球场本周重新开放，天然草坪取代了十五年前铺设的人造草皮。新场地排水更快，炎热天气下也更凉爽。",
            "各球队可通过体育中心预约系统提前一周预约场地。为让草坪扎根，6月起方可穿钉鞋上场。",
            "新草坪上的第一场活动将是5月20日的校运动会，设有田径、接力和师生集体项目。",
        ],
        "photo": "grass",
        "image_alt_en": "Close-up of grass, in black and white.",
        "image_alt_zh_hans": "草地特写（黑白照片）。",
    },
    {
        "slug_en": "campus-robotics-contest-opens-for-entries",
        "slug_zh_hans": "xiaoyuan-jiqiren-dasai-kaishi-baoming",
        "date": datetime.date(2023, 5, 27),
        "focus": False,
        "column": "research",
        "tags": ["robotics", "competitions", "students"],
        "title_en": "Campus robotics contest opens for entries",
        "title_zh_hans": "校园机器人大赛开始报名",
        "summary_en": (
            "Teams of three to five students have until 30 June to enter this year's contest, "
            "in which robots must find and sort objects on a shared field."
        ),
        "summary_zh_hans": "今年的大赛要求机器人在公共赛场上寻找并分拣物品，3至5名学生组队参赛，报名截至6月30日。",
        "body_en": [
            "Entries are open for this year's campus robotics contest. Teams of three to five "
            "students from any school can take part; at least one member must be an "
            "undergraduate.",
            "This year, robots must find coloured objects on a shared field and sort them into "
            "bins within three minutes, with no remote control. Each team receives a starter "
            "kit and can use the laboratories of the School of Mechatronical Engineering on "
            "weekday evenings.",
            "Entries close on 30 June. The contest will be held in October, and the best teams "
            "will be recommended for national competitions.",
        ],
        "body_zh_hans": [
            "今年的校园机器人大赛开始报名。各学院学生均可参加，每队3至5人，其中至少一名本科生。",
            "今年的赛题要求机器人在三分钟内、无遥控地在公共赛场上找到彩色物品并分拣入箱。"
            "每支参赛队将获得一套入门套件，工作日晚间可使用机电学院实验室。",
            "报名截至6月30日。比赛将于10月举行，成绩优异的队伍将被推荐参加全国性比赛。",
        ],
        "photo": None,
        "writer_en": "News Office",
        "writer_zh_hans": "新闻中心",
    },
    {
        "slug_en": "library-opens-until-midnight-for-the-exam-season",
        "slug_zh_hans": "kaoshizhou-tushuguan-kaifang-zhi-wuye",
        "date": datetime.date(2023, 6, 12),
        "focus": False,
        "column": "campus",
        "tags": ["library", "students"],
        "title_en": "Library opens until midnight for the exam season",
        "title_zh_hans": "考试周期间图书馆开放至午夜",
        "summary_en": (
            "For the three weeks of end-of-term exams, the main library's reading rooms stay "
            "open until midnight, and the café on its ground floor keeps the same hours."
        ),
        "summary_zh_hans": "期末考试三周内，校图书馆阅览室开放至午夜，一楼咖啡厅同步延长营业时间。",
        "body_en": [
            "From Monday, the main library's reading rooms stay open until midnight every day "
            "for the three weeks of end-of-term exams. The library has added 400 seats by "
            "turning two seminar rooms on the third floor into quiet study rooms.",
            "The café on the ground floor keeps the reading rooms' hours, and the self-service "
            "lockers can now be booked for the whole exam period through the library's "
            "mini-program.",
            "Library staff ask readers not to reserve seats with books or bags: a seat left "
            "empty for more than 30 minutes may be given to another student.",
        ],
        "body_zh_hans": [
            "自本周一起，期末考试三周内，校图书馆阅览室每天开放至午夜。"
            "图书馆将三楼两间研讨室改为安静自习室，新增自习座位400个。",
            "一楼咖啡厅与阅览室同步延长营业时间；读者还可通过图书馆小程序预约整个考试周的自助储物柜。",
            "图书馆提醒读者不要用书本或背包占座：座位空置超过30分钟，可安排给其他同学使用。",
        ],
        "photo": "coffee",
        "image_alt_en": "A cup of espresso with a spoon on a red saucer, on a wooden table.",
        "image_alt_zh_hans": "木桌上，红色碟子里放着一杯浓缩咖啡和一把小勺。",
    },
    {
        "slug_en": "morning-classes-to-start-at-8-30-from-the-autumn-semester",
        "slug_zh_hans": "qiuji-xueqi-qi-shangwu-diyi-jie-ke-gaiwei-8-30-kaishi",
        "date": datetime.date(2023, 7, 6),
        "focus": False,
        "column": "campus",
        "tags": ["students"],
        "title_en": "Morning classes to start at 8:30 from the autumn semester",
        "title_zh_hans": "秋季学期起上午第一节课改为8:30开始",
        "summary_en": (
            "The first class of the day moves from 8:00 to 8:30, after a survey in which most "
            "students and teachers asked for a later start."
        ),
        "summary_zh_hans": "经问卷调查，多数师生希望推迟上课时间，每天第一节课将由8:00调整为8:30。",
        "body_en": [
            "From the autumn semester, the first class of the day will start at 8:30 instead of "
            "8:00. Each class still lasts 45 minutes, and the afternoon and evening classes "
            "keep their times.",
            "The change follows a survey of more than 6,000 students and teachers this spring, "
            "in which most asked for a later start, above all students who live on the "
            "Liangxiang campus and take the shuttle bus.",
            "The new timetable is already in the course selection system. The morning shuttle "
            "buses between the campuses will leave half an hour later.",
        ],
        "body_zh_hans": [
            "自秋季学期起，每天第一节课由8:00调整为8:30开始。每节课仍为45分钟，下午和晚间课程时间不变。",
            "此次调整源于今年春季面向6000余名师生的问卷调查，多数师生希望推迟上课时间，"
            "住在良乡校区、乘坐校车的同学尤其如此。",
            "新课表已在选课系统中公布。校区间早班校车的发车时间相应推迟半小时。",
        ],
        "photo": "clock",
        "image_alt_en": "A round wall clock, blurred by the camera's movement.",
        "image_alt_zh_hans": "一只圆形挂钟，因相机晃动而模糊。",
    },
    {
        "slug_en": "new-laboratory-building-opens-with-a-shared-imaging-facility",
        "slug_zh_hans": "xin-shiyanlou-qiyong-she-gongxiang-chengxiang-pingtai",
        "date": datetime.date(2023, 8, 30),
        "focus": True,
        "column": "research",
        "tags": ["laboratories"],
        "title_en": "New laboratory building opens with a shared imaging facility",
        "title_zh_hans": "新实验楼启用，设共享成像平台",
        "summary_en": (
            "Teaching laboratories, open study spaces and a microscopy facility open to every "
            "school are ready for the autumn semester."
        ),
        "summary_zh_hans": "新实验楼秋季学期投入使用，楼内设教学实验室、开放式学习空间和面向全校开放的显微成像平台。",
        "body_en": [
            "The new laboratory building on the Zhongguancun campus opens at the start of the "
            "autumn semester, with teaching laboratories on four floors and open study spaces on "
            "the ground floor.",
            "Its shared imaging facility brings together microscopes that were spread over "
            "several schools, among them a quantitative phase microscope that measures living "
            "cells without staining them. Researchers and students of every school can book "
            "them after a safety and training session.",
            "Safety training for the building starts in the first week of the semester; the "
            "schedule is on the laboratory safety office's website.",
        ],
        "body_zh_hans": [
            "中关村校区新实验楼将于秋季学期开学时启用，四个楼层设有教学实验室，一层为开放式学习空间。",
            "楼内的共享成像平台整合了原先分散在多个学院的显微设备，其中包括一台定量相位显微镜，"
            "无需染色即可对活细胞进行测量。各学院师生经安全和操作培训后即可预约使用。",
            "实验楼安全培训将于开学第一周开始，具体安排见实验室安全办公室网站。",
        ],
        "photo": "cell",
        # the press room's release (press/): its kit offers the photo under this licence
        "press_release": True,
        "press_licence_en": "Free for editorial use, credited as given",
        "press_licence_zh_hans": "按所注署名即可用于新闻报道",
        "image_alt_en": "A round cell, bright against a grey background.",
        "image_alt_zh_hans": "灰色背景上一个明亮的圆形细胞。",
        "image_caption_en": "A cell in saline, seen by quantitative phase imaging, without any dye.",
        "image_caption_zh_hans": "定量相位成像下悬浮在生理盐水中的细胞，无需任何染料。",
    },
    {
        "slug_en": "autumn-lectures-bring-space-science-to-all-students",
        "slug_zh_hans": "qiuji-xilie-jiangzuo-dailing-quanxiao-xuesheng-zoujin-hangtian-kexue",
        "date": datetime.date(2023, 9, 14),
        "focus": True,
        "column": "reading-bit",
        "tags": ["lectures"],
        "title_en": "Autumn lectures bring space science to all students",
        "title_zh_hans": "秋季系列讲座带领全校学生走近航天科学",
        "summary_en": (
            "Six evening lectures, from launch vehicles to the most distant galaxies, are open "
            "to students and staff of every school this autumn."
        ),
        "summary_zh_hans": "本学期六场晚间讲座从运载火箭讲到最遥远的星系，面向全校各学院师生开放。",
        "body_en": [
            "The School of Aerospace Engineering opens its autumn lecture series this week: six "
            "evening lectures for students and staff of every school, with no registration "
            "needed.",
            "Speakers from the school and its partner institutes will explain how rockets reach "
            "orbit, what it takes to live and work in space, and how telescopes look back "
            "billions of years. Each lecture ends with half an hour of questions.",
            "The lectures begin at 19:00 in the Central Lecture Hall and are streamed on the "
            "university's video channel.",
        ],
        "body_zh_hans": [
            "宇航学院秋季系列讲座于本周开讲。六场晚间讲座面向全校各学院师生开放，无需报名。",
            "来自学院及合作研究院所的主讲人将介绍火箭如何进入轨道、人类如何在太空生活和工作，"
            "以及望远镜如何回望数十亿年前的宇宙。每场讲座最后留出半小时答疑。",
            "讲座于19:00在中心教学楼报告厅举行，并在学校视频号同步直播。",
        ],
        "photo": "rocket",
        "image_alt_en": (
            "A rocket stands on its launch pad at dusk between four lightning towers, lit by "
            "floodlights."
        ),
        "image_alt_zh_hans": "黄昏时分，火箭矗立在四座避雷塔之间的发射台上，灯光明亮。",
        "image_caption_en": "A Falcon 9 rocket before the launch of the DSCOVR satellite in 2015.",
        "image_caption_zh_hans": "2015年发射DSCOVR卫星前的“猎鹰9号”火箭。",
    },
    {
        "slug_en": "lecture-on-women-in-spaceflight-draws-a-full-hall",
        "slug_zh_hans": "hangtian-lingyu-de-nvxing-jiangzuo-zuowuxuxi",
        "date": datetime.date(2023, 9, 22),
        "focus": False,
        "column": "reading-bit",
        "tags": ["lectures"],
        "title_en": "Lecture on women in spaceflight draws a full hall",
        "title_zh_hans": "“航天领域的女性”讲座座无虚席",
        "summary_en": (
            "The second lecture of the autumn space science series told the stories of women "
            "who flew, built and commanded spacecraft."
        ),
        "summary_zh_hans": "秋季航天科学系列讲座第二讲讲述了驾驶、设计和指挥航天器的女性的故事。",
        "body_en": [
            "The second lecture of the autumn space science series filled the Central Lecture "
            "Hall on Thursday evening, with students standing at the back.",
            "Dr. Chen Jing of the School of Aerospace Engineering traced the history of women in "
            "spaceflight, from the first women in orbit to today's engineers and mission "
            "commanders, and told of her own path from a student satellite team to spacecraft "
            "design.",
            "Asked what she would tell first-year students, she said: “Join a team that builds "
            "something real, and do not wait until you feel ready.”",
        ],
        "body_zh_hans": [
            "周四晚，秋季航天科学系列讲座第二讲在中心教学楼报告厅举行，现场座无虚席，不少同学站在后排听完了讲座。",
            "宇航学院陈静博士回顾了女性参与航天事业的历程，从最早进入太空的女航天员，讲到今天的女工程师和任务指挥员，"
            "并分享了自己从学生卫星团队走向航天器设计岗位的经历。",
            "谈到对新生的建议，她说：“加入一个真正动手做东西的团队，不要等到觉得自己准备好了才开始。”",
        ],
        "photo": "astronaut",
        "image_alt_en": (
            "Astronaut Eileen Collins in an orange flight suit, smiling, with a model of the "
            "Space Shuttle behind her."
        ),
        "image_alt_zh_hans": "身穿橙色飞行服、面带微笑的宇航员艾琳·柯林斯，身后是航天飞机模型。",
        "image_caption_en": "Eileen Collins, the first woman to pilot a Space Shuttle.",
        "image_caption_zh_hans": "艾琳·柯林斯，首位驾驶航天飞机的女性。",
    },
    {
        "slug_en": "alumni-return-to-the-restored-brick-teaching-building",
        "slug_zh_hans": "xiaoyou-chongfan-xiushan-yixin-de-lao-jiaoxuelou",
        "date": datetime.date(2023, 10, 14),
        "focus": False,
        "column": "reading-bit",
        "tags": ["alumni"],
        "title_en": "Alumni return to the restored brick teaching building",
        "title_zh_hans": "校友重返修缮一新的老教学楼",
        "summary_en": (
            "On homecoming day, alumni of six decades toured the university's oldest teaching "
            "building, restored brick by brick over the past year."
        ),
        "summary_zh_hans": "校友返校日当天，跨越六十年的各届校友参观了历时一年、逐砖修缮的学校最老教学楼。",
        "body_en": [
            "Homecoming day brought alumni of six decades back to campus. For many, the first "
            "stop was the university's oldest teaching building, reopened this autumn after a "
            "year of restoration.",
            "The builders replaced damaged bricks one by one with bricks fired to match the "
            "originals, and kept the wooden staircases and window frames; the classrooms have "
            "new heating, lighting and a lift.",
            "In the afternoon, alumni met students in the building's lecture room to talk about "
            "their careers, and each school held its own reunion.",
        ],
        "body_zh_hans": [
            "校友返校日，跨越六十年的各届校友重返校园。许多人的第一站，是经过一年修缮、今秋重新启用的学校最老教学楼。",
            "施工人员逐块更换受损的砖块，新砖按原砖工艺烧制，木楼梯和木窗框得以保留；教室则新装了供暖、照明设施和电梯。",
            "下午，校友们在楼内报告厅与在校学生座谈，分享职业发展经验；各学院也分别组织了校友聚会。",
        ],
        "photo": "brick",
        "image_alt_en": "Rows of bricks in a wall, in black and white.",
        "image_alt_zh_hans": "墙上一排排砖块（黑白照片）。",
    },
    {
        "slug_en": "student-photography-exhibition-opens-in-the-library-gallery",
        "slug_zh_hans": "xuesheng-sheying-zuopinzhan-zai-tushuguan-zhanting-kaimu",
        "date": datetime.date(2023, 11, 16),
        "focus": True,
        "column": "campus",
        "tags": ["art and design", "students"],
        "title_en": "Student photography exhibition opens in the library gallery",
        "title_zh_hans": "学生摄影作品展在图书馆展厅开幕",
        "summary_en": (
            "Eighty photographs by students of every school, from campus life to the night sky, "
            "are on show until the end of December."
        ),
        "summary_zh_hans": "来自各学院学生的80幅摄影作品展出至12月底，题材从校园生活到夜空星辰。",
        "body_en": [
            "The photography society's annual exhibition opened in the library's ground-floor "
            "gallery this week, with eighty photographs chosen from more than six hundred "
            "entries by students of every school.",
            "They range from portraits and campus life to long exposures of the night sky, "
            "taken on a field trip to the mountains north of Beijing. Several were taken on "
            "phones: the judges chose them for what they show, not for the camera.",
            "The exhibition is open every day until 31 December. Visitors can vote for their "
            "favourite photograph at the entrance; the winner will be announced on the news "
            "site.",
        ],
        "body_zh_hans": [
            "学校摄影协会年度作品展本周在图书馆一层展厅开幕，展出从全校各学院学生600余幅投稿中评选出的80幅作品。",
            "作品题材从人像、校园生活到在北京北部山区采风时拍摄的星空长曝光。"
            "其中不少作品用手机拍摄，评委看重的是画面内容，而非器材。",
            "展览每天开放，至12月31日结束。观众可在入口处为最喜爱的作品投票，结果将在新闻网公布。",
        ],
        "photo": "camera",
        "image_alt_en": (
            "A man in a dark coat looks through a camera on a tripod, on a lawn with buildings "
            "in the distance; black and white."
        ),
        "image_alt_zh_hans": "身穿深色大衣的男子在草坪上透过三脚架上的相机取景，远处是建筑（黑白照片）。",
    },
    {
        "slug_en": "student-volunteers-build-winter-shelters-for-the-campus-cats",
        "slug_zh_hans": "xuesheng-zhiyuanzhe-wei-xiaoyuan-liulangmao-dajian-guodong-xiaowu",
        "date": datetime.date(2023, 11, 24),
        "focus": False,
        "column": "campus",
        "tags": ["volunteering", "students"],
        "title_en": "Student volunteers build winter shelters for the campus cats",
        "title_zh_hans": "学生志愿者为校园流浪猫搭建过冬小屋",
        "summary_en": (
            "As the first cold spell reached Beijing, members of the animal protection society "
            "built shelters for the cats that live on campus, and will feed them through the "
            "winter break."
        ),
        "summary_zh_hans": (
            "首轮寒潮抵达北京，校学生动物保护协会的志愿者为生活在校园里的流浪猫搭建保温小屋，并将在寒假期间坚持喂养。"
        ),
        "body_en": [
            "As the first cold spell of the winter reached Beijing this week, twelve members of "
            "the student animal protection society built insulated shelters from donated foam "
            "boxes for the cats that live on the Zhongguancun campus.",
            "Over the winter break, the volunteers will take turns to put out food and fresh "
            "water twice a day. Cats that need treatment are taken to a partner veterinary "
            "clinic.",
            "The society welcomes new members, and asks everyone not to feed the cats "
            "leftovers: its feeding points are marked on the campus map.",
        ],
        "body_zh_hans": [
            "本周，入冬后的首轮寒潮抵达北京。校学生动物保护协会的12名志愿者用捐赠的泡沫箱，"
            "为生活在中关村校区的流浪猫搭建了保温小屋。",
            "寒假期间，志愿者们将轮流值班，每天两次投放猫粮和清水；需要治疗的猫会被送往合作宠物医院。",
            "协会欢迎新成员加入，并提醒大家不要用剩饭剩菜投喂：投喂点已标注在校园地图上。",
        ],
        "photo": "cat",
        "image_alt_en": "A tabby cat looks straight at the camera.",
        "image_alt_zh_hans": "一只虎斑猫正对镜头。",
    },
    {
        "slug_en": "engineers-and-eye-doctors-build-a-low-cost-retinal-camera",
        "slug_zh_hans": "gongchengshi-yu-yanke-yisheng-yanzhi-di-chengben-yandi-xiangji",
        "date": datetime.date(2023, 12, 8),
        "focus": True,
        "column": "research",
        "tags": ["research projects", "young teachers"],
        "title_en": "Engineers and eye doctors build a low-cost retinal camera",
        "title_zh_hans": "工程师与眼科医生合作研制低成本眼底相机",
        "summary_en": (
            "Young researchers from optics, electronics and medicine have built a portable "
            "camera that photographs the back of the eye for a fraction of a clinic camera's "
            "price."
        ),
        "summary_zh_hans": "来自光学、电子和医学领域的青年科研团队研制出一款便携式眼底相机，成本仅为医院同类设备的一小部分。",
        "body_en": [
            "A team of young researchers from the schools of optics and photonics, information "
            "and electronics, and medical technology has built a portable camera that "
            "photographs the retina, at the back of the eye, where many diseases first show.",
            "The camera fits in a hand, connects to a phone and costs a fraction of the cameras "
            "used in eye clinics. In tests with a partner hospital, its photographs were good "
            "enough for doctors to screen for diabetic eye disease.",
            "The project grew out of the university's interdisciplinary research seminar for "
            "young researchers. Next year the team plans a larger trial with community clinics.",
        ],
        "body_zh_hans": [
            "来自光电学院、信息与电子学院和医学技术学院的青年科研团队研制出一款便携式相机，"
            "可拍摄位于眼球后部、许多疾病最先显露迹象的视网膜。",
            "这款相机可以握在手中，连接手机使用，成本仅为眼科诊所所用设备的一小部分。"
            "在与合作医院开展的测试中，其拍摄的照片足以供医生进行糖尿病眼病筛查。",
            "该项目源自学校面向青年学者的跨学科研究研讨会。团队计划明年与社区诊所合作开展更大规模的试验。",
        ],
        "photo": "retina",
        "image_alt_en": (
            "The back of a healthy eye: a red disc crossed by branching blood vessels, with the "
            "bright optic disc at the left."
        ),
        "image_alt_zh_hans": "健康眼睛的眼底：红色圆盘上分布着分叉的血管，左侧是明亮的视盘。",
        "image_caption_en": "A fundus photograph: the back of a healthy left eye.",
        "image_caption_zh_hans": "眼底照片：一只健康左眼的眼球后部。",
    },
]


# The press room's media contacts (press/, when installed), both languages required.
MEDIA_CONTACTS = [
    {
        "name_en": "Zhang Min",
        "name_zh_hans": "张敏",
        "role_en": "Press officer, News Office",
        "role_zh_hans": "新闻中心新闻发言人",
        "phone": "+86 10 6891 0000",
        "email": "press@example.edu.cn",
        "sort_order": 1,
    },
    {
        "name_en": "Li Na",
        "name_zh_hans": "李娜",
        "role_en": "Media relations, International Office",
        "role_zh_hans": "国际交流合作处媒体联络",
        "phone": "+86 10 6891 0001",
        "email": "media@example.edu.cn",
        "sort_order": 2,
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
# coming and two past.
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
        "title_en": "Lecture: robots that learn to walk",
        "title_zh_hans": "讲座：学会行走的机器人",
        "summary_en": "A public lecture on legged robots and how they learn to keep their balance.",
        "summary_zh_hans": "关于足式机器人及其如何学会保持平衡的公开讲座。",
        "body_en": [
            "The lecture is open to all students and staff. Seats are limited: please register "
            "in advance."
        ],
        "body_zh_hans": ["讲座面向全体师生开放。座位有限，请提前报名。"],
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
        "title_en": "Campus open day",
        "title_zh_hans": "校园开放日",
        "summary_en": (
            "Laboratories, libraries and dormitories open their doors to prospective students "
            "and their families."
        ),
        "summary_zh_hans": "实验室、图书馆和学生宿舍向考生及家长开放。",
        "body_en": [
            "Guided tours leave from the main gate every hour from 9:00 to 16:00. Admissions "
            "staff of every school answer questions in the sports hall."
        ],
        "body_zh_hans": ["9:00至16:00，每小时从正门出发一次导览。各学院招生老师在体育馆现场答疑。"],
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
        "title_en": "Forum on deep-space exploration",
        "title_zh_hans": "深空探测论坛",
        "summary_en": (
            "Researchers from universities and institutes discussed the next missions to the "
            "Moon, Mars and the asteroids."
        ),
        "summary_zh_hans": "来自高校和科研院所的研究人员探讨了月球、火星和小行星的下一步探测任务。",
        "body_en": [
            "The forum was streamed online; the recordings of its talks are on the university's "
            "video channel."
        ],
        "body_zh_hans": ["论坛进行了线上直播，报告录像可在学校视频号观看。"],
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
        "title_en": "Alumni concert",
        "title_zh_hans": "校友音乐会",
        "summary_en": (
            "Alumni played together with students of the university orchestra and choir to "
            "close alumni week."
        ),
        "summary_zh_hans": "校友与校乐团、合唱团的在校生同台演出，为校友周画上句号。",
        "body_en": [
            "The programme ranged from Chinese folk songs to Dvořák's New World Symphony, and "
            "ended with the university song, sung by the whole hall."
        ],
        "body_zh_hans": ["曲目从中国民歌到德沃夏克的《自新大陆交响曲》，最后全场齐唱校歌。"],
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

# One story also shows a gallery and a table (body blocks), in both languages: what the
# lecture series will cover. Each gallery photo names a PHOTOS key; its credit is the photo's.
RICH_STORY = "autumn-lectures-bring-space-science-to-all-students"
RICH_STORY_GALLERY = {
    "title_en": "Coming up in the series",
    "title_zh_hans": "系列讲座预告",
    "photos": [
        {
            "photo": "astronaut",
            "alt_en": (
                "Astronaut Eileen Collins in an orange flight suit, smiling, with a model of the "
                "Space Shuttle behind her."
            ),
            "alt_zh_hans": "身穿橙色飞行服、面带微笑的宇航员艾琳·柯林斯，身后是航天飞机模型。",
            "caption_en": (
                "21 September: women in spaceflight. Eileen Collins was the first woman to "
                "pilot a Space Shuttle."
            ),
            "caption_zh_hans": "9月21日：航天领域的女性。艾琳·柯林斯是首位驾驶航天飞机的女性。",
        },
        {
            "photo": "galaxies",
            "alt_en": "Galaxies of many shapes and colours on a black sky.",
            "alt_zh_hans": "黑色天幕上形状、颜色各异的星系。",
            "caption_en": "28 September: the deep universe, as the Hubble Space Telescope sees it.",
            "caption_zh_hans": "9月28日：哈勃空间望远镜眼中的深邃宇宙。",
        },
    ],
}
RICH_STORY_TABLE = {
    "caption_en": "The first three lectures",
    "caption_zh_hans": "前三场讲座",
    "rows_en": [
        ["Date", "Lecture", "Speaker"],
        ["14 September", "How rockets reach orbit", "Prof. Li Hua"],
        ["21 September", "Women in spaceflight", "Dr. Chen Jing"],
        ["28 September", "Looking back in time: the deep universe", "Prof. Wang Fang"],
    ],
    "rows_zh_hans": [
        ["日期", "讲座", "主讲人"],
        ["9月14日", "火箭如何进入轨道", "李华教授"],
        ["9月21日", "航天领域的女性", "陈静博士"],
        ["9月28日", "回望时间：深邃的宇宙", "王芳教授"],
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
        "English and Chinese, and publishes the university's calendar of events.",
        "Story ideas, corrections and media enquiries are welcome through the contact page.",
    ],
    "body_zh_hans": [
        "新闻中心以中英文报道学校的科研、教学和校园生活，并发布学校的活动日程。",
        "欢迎通过联系页面提供新闻线索、更正意见和媒体咨询。",
    ],
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
# Linked from the corrections page (SiteSettings.corrections_policy), under About.
CORRECTIONS_POLICY_PAGE = {
    "title_en": "Corrections policy",
    "title_zh_hans": "更正政策",
    "slug_en": "corrections-policy",
    "slug_zh_hans": "gengzheng-zhengce",
    "intro_en": "How we correct our mistakes, and where you can see every correction.",
    "intro_zh_hans": "我们如何更正错误，以及在哪里可以看到全部更正。",
    "body_en": [
        "When a story we published contains a factual error, we correct the story and add a "
        "dated note at its end saying what was wrong and what is right. We do not remove "
        "mistakes silently.",
        "When a story changes in an important way after publication (a new figure, a date "
        "moved), we add a dated update note in the same place.",
        "Each language version is corrected on its own: a mistake in the Chinese text is noted "
        "on the Chinese page. Every note is listed, newest first, on the corrections page of "
        "News&Events, which has its own feed.",
        "To report a mistake, write to us through the contact page: we answer within two "
        "working days.",
    ],
    "body_zh_hans": [
        "我们发布的稿件如有事实错误，会更正稿件，并在文末附上注明日期的说明，写明哪里有误、正确的内容是什么。"
        "我们不会悄悄删改错误。",
        "稿件发布后如有重要变化（例如新的数字、日期变更），我们会在同一位置附上注明日期的更新说明。",
        "每个语言版本分别更正：中文稿件中的错误在中文页面上说明。所有说明按时间由新到旧列在“新闻动态”的更正页面上，"
        "该页面有自己的订阅源。",
        "如需报告错误，请通过联系页面告诉我们：我们会在两个工作日内答复。",
    ],
}
# "In the media" (coverage/, while installed): invented outlets and stories, linking to
# example.com, so that no real outlet is credited with words it never wrote.
COVERAGE_CLIPS = [
    {
        "outlet": "Science Tribune (demo)",
        "headline": "Student team's Mars rover climbs a 30-degree slope in desert trials",
        "published": datetime.date(2023, 4, 18),
        "url": "https://example.com/science-tribune/2023/04/student-mars-rover",
        "language": "en",
        "quote": "The rover's six wheels kept their grip where last year's design slid back.",
    },
    {
        "outlet": "Capital Daily (demo)",
        "headline": "Gravel and rain gardens: how one campus stays dry in summer storms",
        "published": datetime.date(2023, 5, 6),
        "url": "https://example.com/capital-daily/campus-rain-gardens",
        "language": "en",
        "quote": "",
    },
    {
        "outlet": "Education Weekly (demo)",
        "headline": "Why more engineering students are spending a semester in Europe",
        "published": datetime.date(2023, 6, 2),
        "url": "https://example.com/education-weekly/engineering-exchange",
        "language": "en",
        "quote": "Credits recognised at home made the decision easy, one student said.",
    },
    {
        "outlet": "科技日报（示例）",
        "headline": "大学生团队研制的火星车完成沙漠爬坡试验",
        "published": datetime.date(2023, 4, 19),
        "url": "https://example.com/keji-ribao/2023/04/huoxingche",
        "language": "zh-hans",
        "quote": "六个车轮在去年的设计会打滑的坡面上稳稳抓地。",
    },
    {
        "outlet": "北京晚报（示例）",
        "headline": "透水步道和雨水花园让校园雨后不积水",
        "published": datetime.date(2023, 5, 8),
        "url": "https://example.com/beijing-wanbao/xiaoyuan-yushui",
        "language": "zh-hans",
        "quote": "",
    },
]
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
