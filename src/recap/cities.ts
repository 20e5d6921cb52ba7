/**
 * City and country names people type for a time zone instead of its IANA name: Chinese
 * (simplified and traditional) for the cities a Chinese-speaking server is likeliest to
 * mean, and English names of cities whose zone is named after another one ("San Francisco"
 * is America/Los_Angeles). A small table, not a gazetteer: IANA names cover the rest.
 */

/** [names, zone]: every name maps to the zone. */
const TABLE: readonly (readonly [readonly string[], string])[] = [
  [["上海", "北京", "中国", "中國", "广州", "廣州", "深圳", "杭州", "成都", "重庆", "重慶", "武汉", "武漢", "南京", "天津", "西安"], "Asia/Shanghai"],
  [["beijing", "beijing time", "china", "shenzhen", "guangzhou", "hangzhou", "chengdu", "wuhan", "nanjing"], "Asia/Shanghai"],
  [["香港", "hong kong"], "Asia/Hong_Kong"],
  [["澳门", "澳門"], "Asia/Macau"],
  [["台北", "臺北", "台湾", "台灣", "臺灣", "taiwan"], "Asia/Taipei"],
  [["东京", "東京", "大阪", "日本", "osaka", "japan"], "Asia/Tokyo"],
  [["首尔", "首爾", "韩国", "韓國", "korea"], "Asia/Seoul"],
  [["新加坡"], "Asia/Singapore"],
  [["吉隆坡"], "Asia/Kuala_Lumpur"],
  [["曼谷"], "Asia/Bangkok"],
  [["雅加达", "雅加達"], "Asia/Jakarta"],
  [["孟买", "孟買", "新德里", "印度", "mumbai", "delhi", "new delhi", "bangalore", "india"], "Asia/Kolkata"],
  [["迪拜", "杜拜"], "Asia/Dubai"],
  [["伦敦", "倫敦", "英国", "英國"], "Europe/London"],
  [["巴黎", "法国", "法國"], "Europe/Paris"],
  [["柏林", "德国", "德國"], "Europe/Berlin"],
  [["莫斯科"], "Europe/Moscow"],
  [["罗马", "羅馬"], "Europe/Rome"],
  [["马德里", "馬德里"], "Europe/Madrid"],
  [["阿姆斯特丹"], "Europe/Amsterdam"],
  [["苏黎世", "蘇黎世"], "Europe/Zurich"],
  [["纽约", "紐約", "华盛顿", "華盛頓", "波士顿", "波士頓", "washington", "boston", "miami"], "America/New_York"],
  [["多伦多", "多倫多"], "America/Toronto"],
  [["芝加哥"], "America/Chicago"],
  [
    ["洛杉矶", "洛杉磯", "旧金山", "舊金山", "三藩市", "西雅图", "西雅圖", "硅谷", "矽谷", "san francisco", "seattle", "silicon valley", "san jose"],
    "America/Los_Angeles",
  ],
  [["温哥华", "溫哥華"], "America/Vancouver"],
  [["圣保罗", "聖保羅"], "America/Sao_Paulo"],
  [["悉尼", "雪梨"], "Australia/Sydney"],
  [["墨尔本", "墨爾本"], "Australia/Melbourne"],
  [["奥克兰", "奧克蘭"], "Pacific/Auckland"],
  [["协调世界时", "協調世界時", "世界时", "世界時", "格林尼治", "格林威治"], "UTC"],
];

/** Every city name, lower case, with its zone, in table order. */
export const CITY_ZONES: readonly { name: string; zone: string }[] = TABLE.flatMap(([names, zone]) => names.map((name) => ({ name, zone })));

const byName = new Map(CITY_ZONES.map((c) => [c.name, c.zone]));

/** How a typed city name is compared: lower case, spaces collapsed, a trailing 时间 / 時間 ("time") dropped. */
export function cityKey(typed: string): string {
  return typed
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/(?<=\p{Script=Han})(时间|時間)$/u, "");
}

/** The zone of a city name in the table ("上海" → Asia/Shanghai), or null. */
export function cityZone(typed: string): string | null {
  const key = cityKey(typed);
  return byName.get(key) ?? null;
}
