"""The numbers check: correct translations that must not be flagged next to wrong ones that must."""

from __future__ import annotations

import pytest

from align.checks import run_checks
from align.types import Severity
from tests.helpers import check_context, flags_found


@pytest.mark.parametrize("zh, en, expected", [
    # correct renderings: nothing to flag
    ("三维打印技术发展迅速。", "Three-dimensional printing is developing fast.", []),
    ("“十四五”规划提出。", "The 14th Five-Year Plan proposes.", []),
    ("经过两轮谈判。", "After two rounds of talks.", []),
    ("这是第二次击落。", "This is the second shoot-down.", []),
    ("他一米九的个子。", "He is 1.9 m tall.", []),
    ("一两个人来了。", "One or two people came.", []),
    ("二三人同行。", "Two or three people went together.", []),
    ("50万人参加。", "Half a million people took part.", []),
    ("十余年未见。", "Unseen for more than a decade.", []),
    ("只要认同“九二共识”。", "As long as they accept the 1992 Consensus.", []),
    ("来自几十个国家的救援队。", "Rescue teams from dozens of countries.", []),
    ("一个16岁的少年获救。", "A 16-year-old boy was rescued.", []),
    ("全年新增5G基站10000个。", "10,000 new 5G base stations were added.", []),
    ("上世纪80年代他是厂长。", "In the 1980s he was a factory director.", []),
    ("未来两个季度解雇1400人。", "It will lay off 1,400 people in the next two quarters.", []),
    ("市值蒸发1100亿美元。", "It lost $110 billion in market value.", []),
    ("两国领导人会面。", "The leaders of China and France met.", []),  # 两国 named
    ("周三股价下跌。", "The shares fell on Wednesday.", []),  # 周三 is a weekday
    ("他对这个结果十分满意。", "He was very pleased with the result.", []),  # 十分: very
    ("千人一面，千部一腔。", "The characters all look alike.", []),  # idioms
    ("十三楼里的欢声笑语。", "The laughter on the thirteenth floor.", []),
    ("到了八十年代中叶。", "By the mid eighties.", []),
    ("吼叫的人三十岁出头。", "The man shouting was in his early thirties.", []),
    ("我们第二十一次见面。", "We met for the twenty-first time.", []),
    ("外边有两张八仙桌子。", "There are two Eight Immortals tables outside.", []),
    # MAC-Test's human translations: two numbers side by side, an ordinal after "a", a
    # heading's section number left out, a fraction's numerator
    ("这四个十四岁的女孩儿。", "The four fourteen-year-olds.", []),
    ("他们进入了第三阶段。", "They entered a third stage.", []),
    ("14.分娩", "Childbirth", []),
    ("三分之二的人同意。", "Two-thirds of the people agreed.", []),
    ("已不知是第十几批了。", "He was already in the dozens of batches.", []),
    # a measure converted to English units, rounded; a bare 千 or 万 as a figure of speech
    ("我身高在一米九以上。", "I was a tall man, over six feet.", []),
    ("我们已经走了二十公里。", "We had walked twelve miles.", []),
    ("他举着一块千斤巨石。", "He was lifting a huge boulder.", []),
    ("夜里边，万家万户灭了灯。", "Deep in the night, everyone turned out their lights.", []),
    # a decimal written in Chinese numerals (MAC-Test 024's machine translation)
    ("目标距琴一点五公里！", "The target is 1.5 kilometers from Qin!", []),
    ("目标距琴一点五公里！", "Target is one point five kilometers from the zither.", []),
    ("目标距琴一点五公里！", "The target is 2.5 kilometers from Qin!", ["changed"]),
    # 等 counts the one named before it, English the others; a place named by a distance
    ("李力世等四人又一起出来。", "Brother Li and the other three came in again.", []),
    ("关安基等四人都退出房去。", "Big Beaver and three others left the room.", []),
    ("这阊门外有个十里街。", "Outside the gate is a thoroughfare called Worldly Way.", []),
    ("关安基等四人都退出房去。", "Big Beaver and two others left the room.", ["changed"]),
    ("我们走了十里路。", "We walked a long way.", ["missing"]),
    # an age a year apart: traditional reckoning, to check, not a major change
    ("女儿年方三岁。", "A little girl, just two years old.", ["age"]),
    # a scale joined by hyphens; a percentage as the share it is; half a year; an
    # approximate distance in li converted (bench/blind2 showed each of these as a false alarm)
    ("全市GDP首次突破三千亿元。", "The city's GDP topped the 300-billion-yuan mark for the first time.", []),
    ("成本降低了百分之五十。", "Costs fell by half.", []),
    ("合格率不足五成。", "Fewer than half passed.", []),
    ("培训时间不少于半年。", "Training lasts at least six months.", []),
    ("他每天要走三十多里路。", "He walks more than 15 kilometres a day.", []),
    # a word before a hyphen that modifies the number, not a code (MAC-Test 020's MT)
    ("到了八十年代中叶，又生长起一代年轻人。", "In the mid-1980s, a young generation grew up.", []),
    ("疫情发生于2020年以前。", "It broke out before the COVID-19 of 2020.", []),
    # 一点一点 is "bit by bit", not 1.1 (MAC-Test 017's machine translation)
    ("流言一点一点在滋生。", "Rumors were growing bit by bit.", []),
    # a modifier capitalised at a headline's start; a day before a month
    ("八十年代中叶的上海。", "Mid-1980s Shanghai.", []),
    ("会议于12月5日举行。", "The meeting was held on the 5th of Dec.", []),
    # a percentage is a share only beside a share, not beside any "one" (a cold review)
    ("利润增长100%，其中一家公司亏损。", "Profits rose, and one company lost money.", ["missing"]),
    # a month's abbreviation with no day or year beside it is a name (bench/blind)
    ("顾军主持会议。", "The meeting was chaired by Gu Jun.", []),
    ("会议于6月5日举行。", "The meeting was held on Jun 5.", []),
    # a time at half past; grown by one fold is doubled; a range's first digit takes the
    # scale; a second of time (known false alarms, noted in the previous session's review)
    ("会议九点半开始。", "The meeting starts at 9:30.", []),
    ("产量增加了一倍。", "Output doubled.", []),
    ("产量增加了一倍。", "There are twice as many now.", []),
    ("约有百分之七八十。", "About 70 to 80 percent.", []),
    # found on bench/blind4 (written blind to the checks): grown by nearly one fold; a range
    # of shares (一至两成, "10 to 20 percent"); quarters of a year counted, not a fraction; a
    # bracketed figure the translator adds to explain a term
    ("时间比对照组延长了近一倍。", "That was nearly twice as long as in the control group.", []),
    ("时间比对照组延长了近一倍。", "That was nearly three times as long as in the control group.",
     ["changed"]),
    ("出口量增长了一至两成。", "Exports grew by 10 to 20 percent.", []),
    ("出口量增长了一至两成。", "Exports grew by 10 to 30 percent.", ["added"]),
    ("前三季度增长6.3%。", "It grew 6.3% in the first three quarters of the year.", []),
    ("四分之三的受访者同意。", "The first three quarters of respondents agreed.", []),  # still 3/4
    ("一半的员工同意。", "The first three quarters of employees agreed.", ["added"]),
    ("“十四五”期间筹集两万套。", "20,000 units during the 14th Five-Year Plan (2021-2025).", []),
    ("“十四五”期间筹集两万套。", "20,000 units during the 14th Five-Year Plan (2019-2023).",
     ["added", "added"]),
    ("出口量增长了百分之十五至二十。", "Exports grew by 15 to 20 percent.", []),
    ("出口量增长了百分之十五至二十。", "Exports grew by 15 to 30 percent.", ["changed"]),
    ("他等了一秒钟。", "He waited a second.", []),
    ("他第二次来。", "He came a second time.", []),
    # found reading MAC-Test's machine translation: "one second" is not 1 + 2; 一周两次 is
    # not a weekday; a range's last digit; a circle typed for 〇; two people named as a pair
    ("上牙碰下牙，一秒钟不只一下。", "The upper tooth touches the lower more than once a second.", []),
    ("上牙碰下牙，一秒钟不只一下。", "The upper tooth touches the lower tooth more than one second.", []),
    ("一周一次或一周两次。", "Once a week or twice a week.", []),
    ("十五六岁的样子。", "Fifteen or sixteen years old.", []),
    ("她三十六七岁的年纪。", "She was thirty-six or thirty-seven.", []),
    ("当一九六○年的饥馑笼罩山东大地时。", "When the famine of 1960 covered Shandong.", []),
    ("当下父子二人走进书房。", "Father and son walked into the study.", []),
    ("两人都不说话。", "Neither of them spoke.", []),
    ("他们两人都不说话。", "They said nothing.", []),
    ("这里只有你我二人。", "There are only you and me here.", []),  # MAC-Test 007's MT
    ("一点一滴都不忘怀。", "They did not forget any of it.", []),  # 一点一滴: every bit
    ("他的黑发白了四分之三。", "His black hair had turned three-quarters white.", []),
    # a count of the items just listed; 这两天 "these (few) days" (MAC-Test's MT, read in review)
    ("正遇见宝钗、香菱、莺儿三个赶围棋作耍。", "They met Baochai, Xiangling and Ying'er playing Go.", []),
    ("你这两日心里觉着怎么样?", "How do you feel these past few days?", []),
    ("北京、上海两地合作。", "Beijing, Shanghai and Tianjin, three cities, cooperate.", ["added"]),
    ("公司前两个季度亏损。", "The company lost money in the first two quarters.", []),
    # a small or round number spelled out with no source number to stand for: idiom in a
    # free translation (MAC-Test's human translations showed 95 such minor flags)
    ("不多时，只见一个小丫头跑来。", "A minute or two later a little maid came along.", []),
    ("我去告诉我家爹，拿铜炮枪打你们！", "He'll shoot the two of you with his shotgun!", []),
    ("青年农夫把草鱼提起来。", "The farmer held it up; it was nearly half as tall as he was.", []),
    # a fraction before a comparative; a scale after a classifier; a lunar month by name; a
    # count of the characters just quoted (false alarms on bench/blind3, read once)
    ("比去年多了三分之一。", "A third more than last year.", []),
    ("计划再追加投资一两个亿。", "He planned to invest another 100 to 200 million yuan.", []),
    ("腊月二十三那天傍晚，他回来了。", "He came back on the evening of the twenty-third day of the twelfth lunar month.", []),
    ("他觉得“落叶归根”这四个字有了分量。", "He felt the weight of the saying that fallen leaves return to their roots.", []),
    # a second cold review: the scale on the value, not on every reading of its digits;
    # "neither" is no count; 二人 literary, 两人 after a pronoun; a second of time before "and"
    ("祖孙二人相依为命。", "Grandmother and grandson depended on each other.", []),
    ("他们仨一起走了。", "The three of them left together.", []),
    ("零一年他去了北京。", "In 2001 he went to Beijing.", []),
    ("他犹豫了一秒钟，然后开口说话。", "He hesitated for a second and then spoke.", []),
    ("该市新增了三个亿万富翁。", "The city gained three new billionaires.", []),
    # read on MAC-Test's machine translation (seventh round): a scanned "l" for 1; pairs of
    # body parts; "the two of us"; X等两个 "X and another"; a numeral in a name spelled out
    ("那是l922年11月l3日上午。", "It was the morning of November 13th, 1922.", []),
    ("韦小宝走进房去，两只眼睛骨碌碌的乱转。", "Wei Xiaobao walked in, his eyes darting about.", []),
    ("他两手空空地上来。", "He came up empty-handed.", []),
    ("咱们两个一齐儿走，瞧瞧他去。", "Let's go together and see him.", []),
    ("贾蓉等两个常常来要银子。", "Jia Rong and the other often came for silver.", []),
    ("方七点点头，闭上眼睛。", "Fang Qi nodded and closed his eyes.", []),
    # wrong ones
    ("那是l922年11月l3日上午。", "It was the morning of November 13th, 1923.", ["changed"]),
    ("他买了两只手套。", "He bought gloves.", ["missing-count"]),  # gloves are no body part
    ("他们两个孩子都在上学。", "Their three children are at school.", ["changed"]),
    ("张三等五人被捕。", "Zhang San and others were arrested.", ["missing-count"]),
    ("方七带着三个人来了。", "Fang Qi came with two men.", ["changed"]),
    # a cold review: an ordinal inside a name rendered in English; 等 "wait"; a litre
    ("第二次世界大战爆发了。", "The First World War broke out.", ["missing-count"]),
    ("十一届三中全会召开。", "The Third Plenary Session was held.", ["missing"]),
    ("我们在车站等两个小时。", "We waited at the station for three hours.", ["changed"]),
    ("请等两位客人到了再开始。", "Please wait until the guests arrive.", ["missing-count"]),
    ("买了一瓶2l的可乐。", "He bought a 2-litre bottle of cola.", []),
    ("这辆车排量1.5l的。", "This car has a 1.5-litre engine.", []),
    ("公司成立于201l年。", "The company was founded in 2011.", []),
    # a count named with a place word, linked to "Province" by a character's sense (the seed)
    ("深化沪苏浙皖三省一市合作。", "Deepen cooperation in Shanghai, Jiangsu and Zhejiang Province.",
     ["missing-count"]),
    ("公司投资三十个亿建厂。", "The company invested 300 million yuan in a plant.", ["changed"]),
    ("公司投资三十个亿建厂。", "The company invested 1 billion yuan in a plant.", ["changed"]),
    ("公司裁掉了两名高管，但没有说明原因。", "The company fired three executives but gave neither reason nor explanation.", ["changed"]),
    ("消防员及时救出两人。", "Firefighters rescued three people in time.", ["changed"]),
    ("计划再追加投资三个亿。", "He planned to invest another 200 million yuan.", ["changed"]),
    ("腊月二十三那天傍晚，他回来了。", "He came back on the evening of the twenty-third day of the eleventh lunar month.", ["added"]),
    ("他写了四个字。", "He wrote characters.", ["missing-count"]),
    ("他来了。", "He came with 25 friends.", ["added"]),
    ("两人都不说话。", "The three of them said nothing.", ["added"]),  # a subject: soft
    # a count of two people inside a clause is firm (a cold review)
    ("事故造成两人死亡。", "The accident killed three people.", ["changed"]),
    ("事故造成两人死亡，三人受伤。", "The accident injured three people.", ["missing-count"]),
    ("共有三百零一人参加了会议。", "A total of 310 people attended.", ["changed"]),
    ("一名男子被捕。", "Two men were arrested.", ["added"]),
    ("嫌疑人被捕。", "Three suspects were arrested.", ["added"]),
    ("他是第二代移民。", "He is a second-generation immigrant.", []),
    ("他第二次也是最后一次参加比赛。", "He competed for a second and final time.", []),
    ("○○公司的李○○说，他们有○个人。", "Li of a certain company said they had some people.", []),
    ("十五六岁的样子。", "Seventeen years old.", ["added"]),
    ("当一九六○年的饥馑笼罩山东大地时。", "When the famine of 1961 covered Shandong.", ["changed"]),
    ("一周一次或一周两次。", "Once a week or three times a week.", ["changed"]),
    ("会议九点半开始。", "The meeting starts at 9:45.", ["added"]),
    ("约有百分之七八十。", "About 60 percent.", ["added"]),
    ("产量是去年的两倍。", "Output is three times last year's.", ["changed"]),
    ("他第三次来。", "He came a second time.", ["changed"]),
    ("会议于6月5日举行。", "The meeting was held on Jul 5.", ["changed"]),
    ("全市GDP首次突破三千亿元。", "The city's GDP topped the 30-billion-yuan mark for the first time.",
     ["changed"]),
    ("成本降低了百分之五十。", "Costs fell by 15%.", ["changed"]),
    ("培训时间不少于半年。", "Training lasts at least eight months.", ["added"]),
    ("他每天要走三十多里路。", "He walks more than 50 kilometres a day.", ["added"]),
    ("我们已经走了二十公里。", "We had walked thirty miles.", ["changed"]),
    ("女儿年方三岁。", "A little girl, just five years old.", ["changed"]),
    ("他捐了一千元。", "He gave away a hundred yuan.", ["changed"]),
    ("这四个十四岁的女孩儿。", "The four fifteen-year-olds.", ["added"]),
    ("三分之一的人同意。", "Two-thirds of the people agreed.", ["changed"]),
    ("五个城市参加。", "Four cities took part.", ["changed"]),
    ("深化三省一市合作。", "Deepen cooperation among the regions.", ["missing-count"]),
    ("我们第二十一次见面。", "We met for the twenty-second time.", ["changed"]),
    ("市值蒸发1100亿美元。", "It lost $11 billion in market value.", ["changed"]),
    ("美国2月4日击落气球。", "The US shot down the balloon.", ["missing", "missing"]),
    ("击落的地点距离海岸十英里。", "The site was off the coast.", ["missing"]),
    ("新增加的基地距离台湾300公里。", "The new base is 500 km from Taiwan.", ["changed"]),
    ("据报道，一名男子获救。", "On April 30, 2011, a man was rescued.", ["added"] * 3),
    # found on bench/blind5 (sports, court and product news written blind to the checks): a
    # model name glued to digits (S60; S$60 is money); "third-party"; 下半场 "the second
    # half"; 0比0 "a goalless draw"; megapixels; a zoom's "100x"; each beside a wrong one
    ("云帆发布S60系列手机。", "Yunfan launches its S60 phones.", []),
    ("云帆发布S60系列手机。", "Yunfan launches its S60 phones for 60 yuan.", ["added"]),
    ("门票售价60新元。", "Tickets cost S$60.", []),
    ("第三方检测机构出具了报告。", "A third-party testing agency issued a report.", []),
    ("他们的成本降低了三分之一。", "They cut costs by a third.", []),
    ("球队在下半场体能下降。", "The team tired in the second half.", []),
    ("球队在下半场体能下降。", "The team tired in the third quarter.", ["added"]),
    ("上半年增长5%。", "It grew 5% in the first six months.", []),
    ("江城队客场0比0战平莫干山队。", "Jiangcheng were held to a goalless draw at Moganshan.", []),
    ("江城队客场0比0战平莫干山队。", "Jiangcheng drew 1-1 at Moganshan.", ["changed", "changed"]),
    ("镜头为5000万像素。", "The lens has 50 megapixels.", []),
    ("镜头为5000万像素。", "It has a 48MP lens.", ["changed"]),
    ("支持最高100倍数字变焦。", "It supports up to 100x digital zoom.", []),
    ("支持最高100倍数字变焦。", "It supports up to 10x digital zoom.", ["changed"]),
    # found on bench/blind6 (markets, a typhoon, a film, written blind to the checks): compound
    # scales (万亿, 百亿), units that begin with 千 or 百 (960百帕 hPa, 3千米), a day whose month
    # the dispatch implies ("Oct. 9" for 9日), noon and the 24-hour clock, birth cohorts
    # (“95后”), a dozen for 十余; each beside a wrong one
    ("两市成交额达1.08万亿元。", "Turnover reached 1.08 trillion yuan.", []),
    ("两市成交额达1.08万亿元。", "Turnover reached 10,800 yuan.", ["changed"]),
    ("北向资金净买入超百亿元。", "Northbound funds bought a net 10 billion yuan.", []),
    ("北向资金净买入超百亿元。", "Northbound funds bought a net 100 billion yuan.", ["added"]),
    ("中心最低气压为960百帕。", "The central pressure was 960 hectopascals.", []),
    ("全长3千米。", "It is 3 kilometers long.", []),
    ("8日12时发布预警。", "A warning was issued at noon on Oct. 8.", []),
    ("截至9日18时已恢复供电。", "Power was restored by 6 p.m. on Oct. 9.", []),
    ("截至9日18时已恢复供电。", "Power was restored by 8 p.m. on Oct. 9.", ["changed"]),
    ("“95后”观众占比超过六成。", "Viewers born in the late 1990s were more than 60%.", []),
    ("剧组走访了十余家博物馆。", "The crew visited more than a dozen museums.", []),
    ("他们排在95后面。", "They came after 95 others.", []),
    # a second cold review: a figure before 后 with a % or a scale (it crashed), a price
    # before 后, 一百米 (百 begins no unit but 百帕, 百分), 千百年 and 千万 as words, an index's
    # points (no clock), per second, 十八时, a month said twice for a day said twice
    ("涨幅达5%后回落。", "It fell back after rising 5%.", []),
    ("增至9万后回落。", "It fell back after reaching 90,000.", []),
    ("股价涨到50后回落。", "The stock fell back after rising to 60.", ["changed"]),
    ("一百米冲刺。", "A 100-meter dash.", []),
    ("千百年来如此。", "It has been so for centuries.", []),
    ("千万不要去。", "Whatever you do, don't go.", []),
    ("沪指上涨15点。", "The index rose 3 points.", ["changed"]),
    ("最大风速达38米每秒。", "Winds reached 38 meters per second.", []),
    ("会议十八时开始。", "The meeting starts at 6 p.m.", []),
    ("会议9日开幕，9日下午闭幕。", "The meeting opened on Oct. 9 and closed on the afternoon of Oct. 9.",
     []),
    ("北京12月3日讯，截至3日票房突破15亿元。", "BEIJING, Dec. 3 -- As of Dec. 3 the box office "
     "passed 1.5 billion yuan.", []),
    ("亿万人民欢呼。", "Hundreds of millions of people cheered.", []),
    ("“95后”占比超过六成。", "Young people make up more than 60%.", []),
    ("面粉重五千克。", "The flour weighs 5 kilograms.", []),
    # bench/blind7: a measure converted past its scale word, the month 环比 compares with, 七旬
    ("粮食总产量稳定在20亿斤以上。", "Grain output stays above 1 million tonnes.", []),
    ("其中11月份发送旅客1380万人次，环比下降3.2%。", "In November they carried 13.8 million "
     "passengers, down 3.2% from October.", []),
    ("其中11月份发送旅客1380万人次，同比下降3.2%。", "In November they carried 13.8 million "
     "passengers, down 3.2% from October.", ["added"]),
    ("年过七旬的村民笑着说。", "A villager in his seventies said with a smile.", []),
    # a cold review: 后 closing a word (会后) is no "second half"; a zero said as "no" stands
    # only where no other figure took its place; "No. 3" is no "no"
    ("会后半小时内公布结果。", "Results come within two hours.", ["added"]),
    ("江城队0比0战平莫干山队。", "Jiangcheng drew 2-2 with Moganshan, and no one was hurt.",
     ["changed", "changed"]),
    ("江城队0比0战平莫干山队。", "No. 1 side Jiangcheng were held at Moganshan.",
     ["changed", "missing-count"]),
])
def test_numbers(zh, en, expected):
    assert [kind for kind, _, _ in flags_found(zh, en, "numbers")] == expected


@pytest.mark.parametrize("zh, en, expected", [
    # a figure kept but said as another kind: percentage points, the hour of the day, below
    # zero (planted on bench/blind6: 0.25个百分点 "0.25 percent", 下午5时 "5 a.m.",
    # 零下5摄氏度 "below 5 degrees"), beside the right renderings
    ("央行下调利率0.25个百分点。", "The central bank cut rates by 0.25 percent.", ["said-otherwise"]),
    ("央行下调利率0.25个百分点。", "The central bank cut rates by 0.25 percentage points.", []),
    ("央行下调利率0.25个百分点。", "The central bank cut rates by 25 basis points.", []),
    ("央行下调利率0.25个百分点。", "The central bank cut rates by 50 basis points.", ["changed"]),
    ("央行下调利率25个基点。", "The central bank cut rates by 0.25 percentage point.", []),
    ("央行下调利率25个基点。", "The central bank cut rates by 25 basis points.", []),
    ("央行下调利率25个基点。", "The central bank cut rates by 0.5 percentage point.",
     ["missing", "added"]),
    ("利润增长5%。", "Profit grew 5 percentage points.", ["said-otherwise"]),
    ("利润增长5%。", "Profit grew 5 percent.", []),
    ("中央气象台8日下午5时发布预警。", "It issued a warning at 5 a.m. on Oct. 8.", ["said-otherwise"]),
    ("中央气象台8日下午5时发布预警。", "It issued a warning at 5 p.m. on Oct. 8.", []),
    ("截至9日18时已恢复。", "By 6 a.m. on Oct. 9 it was restored.", ["said-otherwise"]),
    ("台风凌晨3时登陆。", "The typhoon made landfall at 3 p.m.", ["said-otherwise"]),
    ("台风凌晨3时登陆。", "The typhoon made landfall at 3 a.m.", []),
    ("最低气温降至零下5摄氏度。", "Lows fell to below 5 degrees Celsius.", ["said-otherwise"]),
    ("最低气温降至零下5摄氏度。", "Lows fell to minus 5 degrees Celsius.", []),
    ("最低气温降至零下5摄氏度。", "Lows fell to -5C.", []),
    ("最低气温降至零下5摄氏度。", "Lows fell to 5 degrees below zero.", []),
    # the period a change is measured on (bench/blind6: 环比 "year on year")
    ("第三季度净利润98.7亿元，环比增长5.4%。", "Third-quarter net profit was 9.87 billion yuan, "
     "up 5.4% year on year.", ["said-otherwise"]),
    ("第三季度净利润98.7亿元，环比增长5.4%。", "Third-quarter net profit was 9.87 billion yuan, "
     "up 5.4% quarter on quarter.", []),
    ("第三季度净利润98.7亿元，环比增长5.4%。", "Third-quarter net profit was 9.87 billion yuan, "
     "up 5.4% from the previous quarter.", []),
    ("营业收入486.3亿元，同比增长16.2%。", "Revenue was 48.63 billion yuan, up 16.2% "
     "month on month.", ["said-otherwise"]),
    ("营业收入486.3亿元，同比增长16.2%。", "Revenue was 48.63 billion yuan, up 16.2% "
     "from a year earlier.", []),
    ("营业收入同比增长16.2%，环比增长3%。", "Revenue rose 16.2% year on year and 3% "
     "year on year.", []),  # both: which is which is not known
    ("全年销量比上年增长10%，12月环比增长3%。", "Annual sales rose 10% from the previous year "
     "and 3% year on year in December.", []),  # 比上年 is a 同比 too
    ("12月销量环比增长3%。", "December sales rose 3% year-over-year.", ["said-otherwise"]),
    # a second cold review: 负 of a debt, 正负, a negative growth rate; midnight; minutes
    ("他背负2亿元债务。", "He is saddled with 200 million yuan of debt.", []),
    ("增长负2.3%。", "It contracted 2.3%.", []),
    ("最低气温降至负5度。", "Lows fell to 5 degrees.", ["said-otherwise"]),
    ("晚上12点到家。", "He got home at 12 a.m.", []),
    ("下午3点半开会。", "The meeting is at 3:30 a.m.", ["said-otherwise"]),
    ("下午3点半开会。", "The meeting is at 3:30 p.m.", []),
    ("利率下调0.5百分点。", "Rates were cut by 0.5 percent.", ["said-otherwise"]),
    # bench/blind7, read once after the rules above: a speed per hour said per minute, the
    # same number in another unit of the same kind (亩 as acres, 公里 as miles)
    ("列车最高时速达到385公里。", "Trains reached a top speed of 385 kilometers per minute.",
     ["said-otherwise"]),
    ("列车最高时速达到385公里。", "Trains reached a top speed of 385 km/h.", []),
    ("全县建成高标准农田128万亩。", "The county built 1.28 million acres of farmland.",
     ["said-otherwise"]),
    ("全县建成高标准农田128万亩。", "The county built 1.28 million mu of farmland.", []),
    ("全县建成高标准农田128万亩。", "The county built 85,300 hectares of farmland.", []),
    ("全长20公里。", "It is 20 miles long.", ["said-otherwise"]),
    ("走了三十里路。", "He walked thirty miles.", []),  # li are rendered loosely
    # a range judged at the value rendered, within a tolerance (MAC-Test's human translation)
    ("灯光微弱，只能照亮五六米方圆的黑暗。", "The weak light bored a five-yard hole in the darkness.",
     []),
    ("每一口净肉便有三百来斤。", "Each pig weighed 300 kilograms.", ["said-otherwise"]),  # MAC MT
])
def test_a_figure_said_as_another_kind(zh, en, expected):
    assert [kind for kind, _, _ in flags_found(zh, en, "numbers")] == expected


def test_changed_money_is_critical():
    flags = run_checks(check_context([("市值蒸发1100亿美元。", "It lost $11 billion.")]), ["numbers"])
    assert flags[0].severity == Severity.CRITICAL


@pytest.mark.parametrize("zh, en, expected", [
    # speech (bench/blind11, talks): a loose range rendered loosely is no flag, the range's
    # scale or its ends changed are
    ("我们有两三万人。", "We have twenty or thirty thousand people.", []),
    ("我们有两三万人。", "We have two or three thousand people.", ["added", "added"]),
    ("房子值二三十万。", "The house is worth two or three hundred thousand.", []),
    ("房子值二三十万。", "The house is worth twenty or thirty thousand yuan.", ["added", "added"]),
    ("一个星期要跑一百五六十公里。", "We ran 150 or 160 kilometers a week.", []),
    ("一个星期要跑一百五六十公里。", "We ran 150 or 160 miles a week.", ["said-otherwise"]),
    ("一千五六百块。", "Fifteen or sixteen hundred yuan.", []),
    ("一百二三十个学生。", "A hundred and twenty or thirty students.", []),
    ("一百二三十个学生。", "123 students.", ["added"]),
    # a scale after 多, 来, 余, 几 still scales the numeral
    ("那个店一年流水一百来万。", "The shop turns over about a million a year.", []),
    ("十多万人参加。", "More than 100,000 people took part.", []),
    ("十多万人参加。", "More than 10,000 people took part.", ["added"]),
    ("三五年之内。", "Within a few years.", []),
    ("那是九几年的事。", "That was back in the nineties.", []),
    ("差不多一半的人都走了。", "Nearly fifty percent of them left.", []),
    ("我百分之百同意。", "I totally agree.", []),
    # a figure the speaker takes back; an ordinal that marks a list; an idiom's number
    ("我们有三十个，不对，四十个学生。", "We had forty students.", []),
    ("我们有三十个学生，四十个老师。", "We had forty teachers.", ["missing"]),
    ("其次，我们要做好服务。", "Second, we need to provide good service.", []),
    ("我们要做好服务。", "We need to provide a second service.", ["added"]),
    ("我们五五开。", "We split it fifty-fifty.", []),
    ("我们天天在一起。", "We are together 24/7.", []),
    ("我们天天在一起。", "We are together 24 days.", ["added"]),
    # MAC-Test's human translations: an English idiom, tens and units written as one word,
    # and 放慢一倍 (slowed "by one fold") said as half, which "doubling" is not
    ("只见史湘云大说大笑的，见了他两个，忙站起来问好。",
     "Shi Xiang-yun was already there, laughing and chattering away nineteen to the dozen, "
     "but rose to greet them as they entered.", []),
    ("她有十九个孩子。", "She had nineteen children to feed.", []),
    ("她有十个孩子。", "She had nineteen children to feed.", ["changed"]),
    ("那一天我二十一岁。", "That day I was twentyone.", []),
    ("那一天我三十五岁。", "That day I was thirtyfive.", []),
    ("那一天我三十五岁。", "That day I was thirtyeight.", ["changed"]),
    ("他们跳的却是四步，把节奏放慢一倍的。", "They danced the four-step at half speed.", []),
    ("他们跳的却是四步，把节奏放慢一倍的。", "They danced four steps, doubling the rhythm.",
     ["missing-count"]),
    ("价格提高一倍。", "The price doubled.", []),
])
def test_spoken_and_literary_numbers(zh, en, expected):
    assert [kind for kind, _, _ in flags_found(zh, en, "numbers")] == expected
